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

    public static func saveTags(_ export: TagExport) -> PathPrompt { PathPrompt(.saveTags(export), path: export.fileStem + ".html") }
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
        case .importFiles: "A file (Invest API page .json, or .csv) or a folder of them · Enter imports, all or nothing · Esc · "
            + "an import of trackers alone is one undo step (up to 10,000); one that changes the catalog cannot be undone"
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

    /// The rows under the path: its error, else the completion's choices, else the hint — each
    /// wrapped whole.
    func belowLines(width: Int) -> [(text: String, role: ThemeRole)] {
        if let error { return TextWrap.words("↳ " + error, width: width).map { ($0, .textError) } }
        if !candidates.isEmpty { return TextWrap.words(candidates.joined(separator: "  "), width: width).prefix(2).map { ($0, .dialog) } }
        return TextWrap.words(hint + " · Tab completes", width: width).map { ($0, .textMuted) }
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let width = min(buffer.width - 4, 80)
        let below = belowLines(width: width - 4)
        let frame = buffer.bounds.centered(width: width, height: min(buffer.height - 2, 5 + below.count))
        let inner = DialogFrame.render(title: title, in: frame, theme: theme, into: &buffer)
        buffer.write("Path ", x: inner.x, y: inner.y, role: .fieldLabel, theme: theme)
        var field = path
        field.error = error
        TextFieldWidget.render(&field, in: Rect(x: inner.x + 5, y: inner.y, width: inner.width - 5, height: 1), focused: true, theme: theme, into: &buffer)
        let cursor = buffer.cursor
        for (row, line) in below.enumerated() where inner.y + 2 + row < inner.maxY {
            buffer.write(line.text, x: inner.x, y: inner.y + 2 + row, maxWidth: inner.width, role: line.role, theme: theme)
        }
        buffer.cursor = cursor
    }
}
