import ClicktraxCore
import TerminalUI

/// A prompt for a path — "Save to file", "Import" — whose action the app performs; a failure
/// comes back here with its reason and the path kept.
public struct PathPrompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case saveTags(TagExport)
        case importFiles
    }

    public let purpose: Purpose
    public private(set) var path: TextFieldState
    public private(set) var error: String?
    /// After a Tab that fitted several names: them.
    public private(set) var candidates: [String] = []

    public init(_ purpose: Purpose, path: String = "") {
        self.purpose = purpose
        self.path = TextFieldState(path, placeholder: "a path; ~ is your home", maxLength: 4096)
    }

    public static func saveTags(_ export: TagExport) -> PathPrompt { PathPrompt(.saveTags(export), path: "click-trackers.html") }
    public static func importFiles() -> PathPrompt { PathPrompt(.importFiles) }

    var title: String {
        switch purpose {
        case .saveTags: "Save the tags to a file"
        case .importFiles: "Import"
        }
    }

    var hint: String {
        switch purpose {
        case .saveTags: "Enter saves (asks before replacing a file) · Esc goes back"
        case .importFiles: "A file (Invest API page .json, or .csv) or a folder of them · Enter imports, all or nothing · Esc"
        }
    }

    public mutating func show(_ error: String) { self.error = error }

    /// A Tab's completion (`PathCompletion`).
    public mutating func complete(_ completion: PathCompletion) {
        path.text = completion.completed
        _ = path.handle(KeyPress(.end))
        candidates = completion.candidates
        error = nil
    }

    public enum Action: Sendable, Equatable { case accept, back, complete }

    public static let bindings: [Binding<Action>] = [
        Binding([KeyPress(.enter)], .accept, "Import or save", footer: "import or save"),
        Binding([KeyPress(.tab)], .complete, "Complete the file or folder name (again lists the choices)", footer: "completes"),
        Binding([KeyPress(.escape)], .back, "Back", footer: "back"),
    ]

    public mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        switch event {
        case .key(let press):
            switch Binding.action(for: press, in: Self.bindings) {
            case .back: return .close
            case .complete: return .emit(.completePath(path.text))
            case .accept:
                let trimmed = path.text.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { error = "type a path"; return .stay }
                switch purpose {
                case .saveTags(let export): return .emit(.delivery(.saveTags(export, path: trimmed)))
                case .importFiles: return .emit(.imports(.importPath(trimmed)))
                }
            case nil:
                if path.handle(press) { error = nil; candidates = [] }
            }
        case .paste(let text):
            path.insert(text)
            error = nil
        default:
            break
        }
        return .stay
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let width = min(buffer.width - 4, 80)
        let errorLines = error.map { TextWrap.words("↳ " + $0, width: width - 4) } ?? []
        let below = error != nil ? errorLines.count : candidates.isEmpty ? 0 : 2
        let frame = buffer.bounds.centered(width: width, height: min(buffer.height - 2, 5 + max(1, below)))
        let inner = DialogFrame.render(title: title, in: frame, theme: theme, into: &buffer)
        buffer.write("Path ", x: inner.x, y: inner.y, role: .fieldLabel, theme: theme)
        var field = path
        field.error = error
        TextFieldWidget.render(&field, in: Rect(x: inner.x + 5, y: inner.y, width: inner.width - 5, height: 1), focused: true, theme: theme, into: &buffer)
        let cursor = buffer.cursor
        if error != nil {
            // Wrapped, not cut: a path in a message is read whole.
            for (row, line) in errorLines.enumerated() {
                buffer.write(line, x: inner.x, y: inner.y + 2 + row, maxWidth: inner.width, role: .textError, theme: theme)
            }
        } else if !candidates.isEmpty {
            for (row, line) in TextWrap.words(candidates.joined(separator: "  "), width: inner.width).prefix(2).enumerated() {
                buffer.write(line, x: inner.x, y: inner.y + 2 + row, maxWidth: inner.width, role: .dialog, theme: theme)
            }
        } else {
            buffer.write(hint + " · Tab completes", x: inner.x, y: inner.y + 2, maxWidth: inner.width, role: .textMuted, theme: theme)
        }
        buffer.cursor = cursor
    }
}
