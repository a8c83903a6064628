import ClicktraxCore
import TerminalUI

/// Everything the app asks of the world — the store, Invest, the clipboard, files, mail, the
/// terminal — as values, by feature. `AppState.update` returns them; `CommandRunner` hands each
/// to its feature's performer and feeds what happened back as `AppMessage`s. A flow test can
/// read "Enter on Create emits `.trackers(.createTracker(draft))`" with no database at all.
public enum AppCommand: Sendable, Equatable {
    case trackers(TrackersCommand)
    case reports(ReportsCommand)
    case sync(SyncCommand)
    case delivery(DeliveryCommand)
    case imports(ImportCommand)
    /// A trackers or delivery command of the Impression Trackers screen: performed on the
    /// impression trackers.
    indirect case impressions(AppCommand)

    /// Tab in a path prompt: complete from the file system.
    case completePath(String)
    /// Watches the database for changes made by other processes.
    case watchDatabase
    case suspend
    /// Forget what is on the terminal and draw everything again.
    case redraw
    case quit
}
