import ClicktraxCore

/// What the Click Trackers screen and its dialogs ask of the app.
public enum TrackersIntent: Sendable, Equatable {
    /// The Create dialog (nil) or the Edit dialog of a tracker.
    case openTracker(Int64?)
    case openMoreActions
    /// A More Action on the screen's targets (ticked trackers, or the current one).
    case run(MoreAction)
    case undo
    case redo
    /// Undo the step that waited for the operator's yes (it deletes a tracker on Invest).
    case undoConfirmed(UndoStep)
    /// Delete, confirmed.
    case delete([Int64])
    /// A picker's choice, for the tracker dialog under it.
    case picked(PickerDialog.Kind, PickerDialog.Choice, query: String)
    case saveTracker(TrackerDraft, trackerId: Int64?, revision: Int?)
    /// Read the tracker as it is saved now into the open dialog, keeping what was typed.
    case reloadTrackerIntoDialog(Int64)
    /// The tracker dialog closes, its edits thrown away (confirmed).
    case discardEdits
    /// The Click Trackers screen, its cursor on this tracker (from a report's row).
    case showTracker(Int64)
}
