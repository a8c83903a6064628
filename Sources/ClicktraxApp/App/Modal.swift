import TerminalUI

/// A dialog on top of the screen. They form a stack: the top one owns input; all are drawn,
/// bottom to top.
public enum Modal: Sendable, Equatable {
    case moreActions(MoreActionsMenu)
    /// A confirmation, and the command it guards with the trackers it would act on.
    case confirm(ConfirmDialog, TrackerCommand, [Int64])
    case help(HelpOverlay)

    func render(into buffer: inout ScreenBuffer, theme: Theme) {
        switch self {
        case .moreActions(let menu): menu.render(into: &buffer, theme: theme)
        case .confirm(let dialog, _, _): dialog.render(into: &buffer, theme: theme)
        case .help(let overlay): overlay.render(into: &buffer, theme: theme)
        }
    }
}
