import ClicktraxCore
import TerminalUI

/// A dialog on top of the screen. They form a stack: the top one owns input; all are drawn,
/// bottom to top.
public enum Modal: Sendable, Equatable {
    case moreActions(MoreActionsMenu)
    /// A confirmation, and what it guards.
    case confirm(ConfirmDialog, ConfirmPurpose)
    case help(HelpOverlay)
    case tracker(TrackerDialog)
    case picker(PickerDialog)
    case export(ExportDialog)
    case result(ExportResultView)
    case save(PathPrompt, TagExport)
    case importPath(PathPrompt)
    case message(MessageDialog)

    func render(into buffer: inout ScreenBuffer, theme: Theme) {
        switch self {
        case .moreActions(let menu): menu.render(into: &buffer, theme: theme)
        case .confirm(let dialog, _): dialog.render(into: &buffer, theme: theme)
        case .help(let overlay): overlay.render(into: &buffer, theme: theme)
        case .tracker(let dialog): dialog.render(into: &buffer, theme: theme)
        case .picker(let picker): picker.render(into: &buffer, theme: theme)
        case .export(let dialog): dialog.render(into: &buffer, theme: theme)
        case .result(let view): view.render(into: &buffer, theme: theme)
        case .save(let prompt, _): prompt.render(into: &buffer, theme: theme)
        case .importPath(let prompt): prompt.render(into: &buffer, theme: theme)
        case .message(let dialog): dialog.render(into: &buffer, theme: theme)
        }
    }
}

/// What a confirmation guards.
public enum ConfirmPurpose: Sendable, Equatable {
    case delete([Int64])
    /// Closing the tracker dialog under it, throwing its edits away.
    case discardEdits
}
