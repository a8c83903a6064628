import TerminalUI

/// `?` (or F1, from anywhere): every key of every context, filterable by typing.
public struct HelpOverlay: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        var section: String
        var keys: String
        var label: String
    }

    public private(set) var filter = TextFieldState(placeholder: "type to filter")
    public private(set) var scroll = 0
    let entries: [Entry]

    public init(sections: [KeyBindingsDocument.Section]) {
        entries = sections.flatMap { section in section.rows.map { Entry(section: section.title, keys: $0.keys, label: $0.label) } }
    }

    public enum Action: Sendable, Equatable { case close, up, down, pageUp, pageDown }

    public static let bindings: [Binding<Action>] = [
        Binding([KeyPress(.escape)], .close, "Clear the filter, then close"),
        Binding([KeyPress(.up)], .up, "Scroll up"),
        Binding([KeyPress(.down)], .down, "Scroll down"),
        Binding([KeyPress(.pageUp)], .pageUp, "Page up"),
        Binding([KeyPress(.pageDown)], .pageDown, "Page down"),
    ]

    var shown: [Entry] {
        let words = filter.text.lowercased().split(separator: " ")
        return entries.filter { entry in
            words.allSatisfy { "\(entry.section) \(entry.keys) \(entry.label)".lowercased().contains($0) }
        }
    }

    public mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        let last = max(0, shown.count - 1)
        switch event {
        case .key(let press):
            switch Binding.action(for: press, in: Self.bindings) {
            case .close:
                if filter.text.isEmpty { return .close }
                filter.text = ""
            case .up: scroll = max(0, scroll - 1)
            case .down: scroll = min(last, scroll + 1)
            case .pageUp: scroll = max(0, scroll - 10)
            case .pageDown: scroll = min(last, scroll + 10)
            case nil:
                if press == .char("?") && filter.text.isEmpty { return .close }
                if filter.handle(press) { scroll = 0 }
            }
        case .paste(let text):
            filter.insert(text)
            scroll = 0
        case .mouse(let mouse) where mouse.kind == .wheelDown:
            scroll = min(last, scroll + 3)
        case .mouse(let mouse) where mouse.kind == .wheelUp:
            scroll = max(0, scroll - 3)
        default:
            break
        }
        return .stay
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = buffer.bounds.centered(width: min(buffer.width - 4, 86), height: buffer.height - 2)
        let inner = DialogFrame.render(title: "Keys — Esc closes", in: frame, theme: theme, into: &buffer)
        var field = filter
        buffer.write("Filter ", x: inner.x, y: inner.y, role: .fieldLabel, theme: theme)
        TextFieldWidget.render(&field, in: Rect(x: inner.x + 7, y: inner.y, width: inner.width - 7, height: 1), focused: true,
                               theme: theme, into: &buffer)
        let cursor = buffer.cursor
        let rows = shown
        var y = inner.y + 2
        var section = ""
        let keysWidth = 22
        for entry in rows.dropFirst(scroll) where y < inner.maxY {
            if entry.section != section {
                section = entry.section
                buffer.write(section, x: inner.x, y: y, maxWidth: inner.width, role: .dialogTitle, theme: theme)
                y += 1
                if y >= inner.maxY { break }
            }
            buffer.write(DisplayWidth.fit(DisplayWidth.truncate(entry.keys, to: keysWidth - 1), to: keysWidth - 1), x: inner.x + 1, y: y,
                         role: .dialogKey, theme: theme)
            buffer.write(DisplayWidth.truncate(entry.label, to: inner.width - keysWidth - 1), x: inner.x + keysWidth + 1, y: y,
                         maxWidth: inner.width - keysWidth - 1, role: .dialog, theme: theme)
            y += 1
        }
        if rows.isEmpty {
            buffer.write("No key matches “\(DisplayWidth.truncate(filter.text, to: 40))”.", x: inner.x, y: inner.y + 2, maxWidth: inner.width,
                         role: .textMuted, theme: theme)
        }
        buffer.cursor = cursor
    }
}
