import TerminalUI

/// "Save to file": the path, written whole or not at all by the runner; a failure comes back
/// here with its reason and the path kept.
public struct SavePrompt: Sendable, Equatable {
    public private(set) var path: TextFieldState
    public private(set) var error: String?

    public init(path: String = "click-trackers.html") {
        self.path = TextFieldState(path, maxLength: 4096)
    }

    public mutating func show(_ error: String) { self.error = error }

    public mutating func handle(_ event: InputEvent) -> DialogOutcome<String> {
        switch event {
        case .key(let press):
            switch press.key {
            case .escape: return .cancel
            case .enter:
                let trimmed = path.text.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { error = "type a file name"; return .stay }
                return .done(trimmed)
            default:
                if path.handle(press) { error = nil }
            }
        case .paste(let text):
            path.insert(text)
        default:
            break
        }
        return .stay
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = buffer.bounds.centered(width: min(buffer.width - 4, 80), height: 6)
        let inner = DialogFrame.render(title: "Save the tags to a file", in: frame, theme: theme, into: &buffer)
        buffer.write("File ", x: inner.x, y: inner.y, role: .fieldLabel, theme: theme)
        var field = path
        field.error = error
        TextFieldWidget.render(&field, in: Rect(x: inner.x + 5, y: inner.y, width: inner.width - 5, height: 1), focused: true, theme: theme, into: &buffer)
        let cursor = buffer.cursor
        buffer.write(error.map { "↳ \($0)" } ?? "Enter saves (an existing file is replaced whole) · Esc goes back", x: inner.x, y: inner.y + 2,
                     maxWidth: inner.width, role: error == nil ? .textMuted : .textError, theme: theme)
        buffer.cursor = cursor
    }
}
