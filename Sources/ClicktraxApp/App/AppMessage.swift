import ClicktraxCore
import TerminalUI

/// What reaches `AppState.update`: the terminal's events, time passing, and what each feature's
/// commands found or did — from the loop's own thread or, for background work, through the inbox.
public enum AppMessage: Sendable {
    case event(InputEvent)
    /// A tenth of a second with no input: toasts fade.
    case tick

    case trackers(TrackersMessage)
    case reports(ReportsMessage)
    case sync(SyncMessage)
    case delivery(DeliveryMessage)
    case imports(ImportMessage)
    /// What an Impression Trackers command found or did.
    indirect case impressions(AppMessage)

    case pathCompleted(typed: String, PathCompletion)
    /// Another process changed the database.
    case databaseChanged
    /// A command failed; the message says what and where.
    case failed(ClicktraxError)
}
