import TerminalUI

/// `?`: every key of every context, filterable by typing.
public struct HelpOverlay: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        var section: String
        var keys: String
        var label: String
    }

    public private(set) var filter = TextFieldState(placeholder: "type to filter")
    public private(set) var scroll = 0
    let entries: [Entry]

    public init(sections: [(title: String, bindings: [(keys: String, label: String)])]) {
        entries = sections.flatMap { section in section.bindings.map { Entry(section: section.title, keys: $0.keys, label: $0.label) } }
    }

    var shown: [Entry] {
        let words = filter.text.lowercased().split(separator: " ")
        return entries.filter { entry in
            words.allSatisfy { "\(entry.section) \(entry.keys) \(entry.label)".lowercased().contains($0) }
        }
    }

    public mutating func handle(_ event: InputEvent) -> DialogOutcome<Bool> {
        switch event {
        case .key(let press):
            switch press.key {
            case .escape: if filter.text.isEmpty { return .cancel } else { filter.text = "" }
            case .character("?") where filter.text.isEmpty: return .cancel
            case .up: scroll = max(0, scroll - 1)
            case .down: scroll = min(max(0, shown.count - 1), scroll + 1)
            case .pageUp: scroll = max(0, scroll - 10)
            case .pageDown: scroll = min(max(0, shown.count - 1), scroll + 10)
            default:
                if filter.handle(press) { scroll = 0 }
            }
        case .paste(let text):
            filter.insert(text)
            scroll = 0
        case .mouse(let mouse) where mouse.kind == .wheelDown:
            scroll = min(max(0, shown.count - 1), scroll + 3)
        case .mouse(let mouse) where mouse.kind == .wheelUp:
            scroll = max(0, scroll - 3)
        default:
            break
        }
        return .stay
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = buffer.bounds.centered(width: min(buffer.width - 4, 76), height: buffer.height - 2)
        let inner = DialogFrame.render(title: "Keys — Esc closes", in: frame, theme: theme, into: &buffer)
        var field = filter
        buffer.write("Filter ", x: inner.x, y: inner.y, role: .fieldLabel, theme: theme)
        TextFieldWidget.render(&field, in: Rect(x: inner.x + 7, y: inner.y, width: inner.width - 7, height: 1), focused: true,
                               theme: theme, into: &buffer)
        let rows = shown
        var y = inner.y + 2
        var section = ""
        for entry in rows.dropFirst(scroll) where y < inner.maxY {
            if entry.section != section {
                section = entry.section
                buffer.write(section, x: inner.x, y: y, maxWidth: inner.width, role: .dialogTitle, theme: theme)
                y += 1
                if y >= inner.maxY { break }
            }
            buffer.write(DisplayWidth.fit(entry.keys, to: 18), x: inner.x + 1, y: y, role: .dialogKey, theme: theme)
            buffer.write(entry.label, x: inner.x + 20, y: y, maxWidth: inner.width - 20, role: .dialog, theme: theme)
            y += 1
        }
        if rows.isEmpty {
            buffer.write("No key matches “\(filter.text)”.", x: inner.x, y: inner.y + 2, maxWidth: inner.width, role: .textMuted, theme: theme)
        }
    }
}
