import TerminalUI

/// A prompt for a path — "Save to file", "Import" — whose action the runner performs; a failure
/// comes back here with its reason and the path kept.
public struct PathPrompt: Sendable, Equatable {
    public let title: String
    public let hint: String
    public private(set) var path: TextFieldState
    public private(set) var error: String?

    public init(title: String, hint: String, path: String = "") {
        self.title = title
        self.hint = hint
        self.path = TextFieldState(path, placeholder: "a path; ~ is your home", maxLength: 4096)
    }

    public static func saveTags() -> PathPrompt {
        PathPrompt(title: "Save the tags to a file", hint: "Enter saves (an existing file is replaced whole) · Esc goes back",
                   path: "click-trackers.html")
    }

    public static func importFiles() -> PathPrompt {
        PathPrompt(title: "Import", hint: "A file (Invest API page .json, or .csv) or a folder of them · Enter imports, all or nothing · Esc")
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
        let inner = DialogFrame.render(title: title, in: frame, theme: theme, into: &buffer)
        buffer.write("Path ", x: inner.x, y: inner.y, role: .fieldLabel, theme: theme)
        var field = path
        field.error = error
        TextFieldWidget.render(&field, in: Rect(x: inner.x + 5, y: inner.y, width: inner.width - 5, height: 1), focused: true, theme: theme, into: &buffer)
        let cursor = buffer.cursor
        buffer.write(error.map { "↳ \($0)" } ?? hint, x: inner.x, y: inner.y + 2,
                     maxWidth: inner.width, role: error == nil ? .textMuted : .textError, theme: theme)
        buffer.cursor = cursor
    }
}
