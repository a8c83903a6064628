import ClicktraxCore
import TerminalUI

/// A dialog on top of the screen. They form a stack: the top one owns input; all are drawn,
/// bottom to top. Each kind's `handle` returns one `ModalStep`, which `AppState` applies.
public enum Modal: Sendable, Equatable {
    case moreActions(MoreActionsMenu)
    case confirm(ConfirmDialog)
    case help(HelpOverlay)
    case tracker(TrackerDialog)
    case picker(PickerDialog)
    case export(ExportDialog)
    case result(ExportResultView)
    case path(PathPrompt)
    case message(MessageDialog)
    case conflict(ConflictDialog)

    /// Every kind, for the test that each has a section in the help and KEYBINDINGS.md.
    public enum Kind: String, CaseIterable, Sendable {
        case moreActions, confirm, help, tracker, picker, export, result, path, message, conflict
    }

    public var kind: Kind {
        switch self {
        case .moreActions: .moreActions
        case .confirm: .confirm
        case .help: .help
        case .tracker: .tracker
        case .picker: .picker
        case .export: .export
        case .result: .result
        case .path: .path
        case .message: .message
        case .conflict: .conflict
        }
    }

    mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        switch self {
        case .moreActions(var menu):
            defer { self = .moreActions(menu) }
            return menu.handle(event, screen: screen)
        case .confirm(var dialog):
            defer { self = .confirm(dialog) }
            return dialog.handle(event, screen: screen)
        case .help(var overlay):
            defer { self = .help(overlay) }
            return overlay.handle(event, screen: screen)
        case .tracker(var dialog):
            defer { self = .tracker(dialog) }
            return dialog.handle(event, screen: screen)
        case .picker(var picker):
            defer { self = .picker(picker) }
            return picker.handle(event, screen: screen)
        case .export(var dialog):
            defer { self = .export(dialog) }
            return dialog.handle(event, screen: screen)
        case .result(var view):
            defer { self = .result(view) }
            return view.handle(event, screen: screen)
        case .path(var prompt):
            defer { self = .path(prompt) }
            return prompt.handle(event, screen: screen)
        case .message(var dialog):
            defer { self = .message(dialog) }
            return dialog.handle(event, screen: screen)
        case .conflict(var dialog):
            defer { self = .conflict(dialog) }
            return dialog.handle(event, screen: screen)
        }
    }

    /// The reads this dialog needs (a picker's results), each asked for once.
    mutating func needs() -> [AppCommand] {
        guard case .picker(var picker) = self else { return [] }
        defer { self = .picker(picker) }
        return picker.needs().map { .trackers($0) }
    }

    /// Whether typed characters go into a text field, so `?` is text, not help.
    var takesText: Bool {
        switch self {
        case .tracker(let dialog): dialog.isTextFocus
        case .export(let dialog): dialog.isTextFocus
        case .picker, .help, .path: true
        case .moreActions, .confirm, .result, .message, .conflict: false
        }
    }

    func render(into buffer: inout ScreenBuffer, theme: Theme) {
        switch self {
        case .moreActions(let menu): menu.render(into: &buffer, theme: theme)
        case .confirm(let dialog): dialog.render(into: &buffer, theme: theme)
        case .help(let overlay): overlay.render(into: &buffer, theme: theme)
        case .tracker(let dialog): dialog.render(into: &buffer, theme: theme)
        case .picker(let picker): picker.render(into: &buffer, theme: theme)
        case .export(let dialog): dialog.render(into: &buffer, theme: theme)
        case .result(let view): view.render(into: &buffer, theme: theme)
        case .path(let prompt): prompt.render(into: &buffer, theme: theme)
        case .message(let dialog): dialog.render(into: &buffer, theme: theme)
        case .conflict(let dialog): dialog.render(into: &buffer, theme: theme)
        }
    }
}
