import ClicktraxCore
import TerminalUI

/// What a screen or a dialog asks of the app. `AppState.perform` is the one place that turns an
/// intent into dialogs opened, state changed and commands for the world — so a dialog never
/// knows who is under it, and a screen never touches the store.
public enum AppIntent: Sendable, Equatable {
    /// The Create dialog (nil) or the Edit dialog of a tracker.
    case openTracker(Int64?)
    case openMoreActions
    case openHelp
    case openImport
    /// A More Action on the screen's targets (ticked trackers, or the current one).
    case run(TrackerCommand)
    case undo
    case redo
    /// A confirmation was answered.
    case confirmed(ConfirmPurpose)
    case declined(ConfirmPurpose)
    /// A picker's choice, for the tracker dialog under it.
    case picked(PickerDialog.Kind, PickerDialog.Choice, query: String)
    case saveTracker(TrackerDraft, trackerId: Int64?, revision: Int?)
    /// Read the tracker as it is saved now into the open dialog, keeping what was typed.
    case reloadTrackerIntoDialog(Int64)
    case deliver(ExportDialog.Request, trackers: [ClickTracker])
    case copy(TagExport)
    case saveTags(TagExport, path: String)
    case importPath(String)
    case completePath(String)
    case loadDemo
    /// Settle a conflicting tracker: this database's version, or Invest's.
    case resolveConflict(Int64, keepMine: Bool)
    case show(Toast)
    /// Switch to another screen (the title bar's tabs).
    case showScreen(ScreenKind)
    /// The Click Trackers screen, its cursor on this tracker (from a report's row).
    case showTracker(Int64)
    case reload
    case suspend
    case askToQuit
    case quit
}
