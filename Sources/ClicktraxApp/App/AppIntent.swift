import ClicktraxCore
import TerminalUI

/// What a screen or a dialog asks of the app, by feature. `AppState.perform` hands each to its
/// feature's file, which turns it into dialogs opened, state changed and commands for the world
/// — so a dialog never knows who is under it, and a screen never touches the store.
public enum AppIntent: Sendable, Equatable {
    case trackers(TrackersIntent)
    case sync(SyncIntent)
    case delivery(DeliveryIntent)
    case imports(ImportIntent)

    case openHelp
    case completePath(String)
    case show(Toast)
    /// Switch to another screen (the title bar's tabs).
    case showScreen(ScreenKind)
    case reload
    case suspend
    case askToQuit
    case quit
}
