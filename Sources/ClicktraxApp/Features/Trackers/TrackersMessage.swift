import ClicktraxCore

/// What the Click Trackers feature's commands found or did.
public enum TrackersMessage: Sendable {
    case trackersCounted(total: Int, databaseEmpty: Bool)
    case trackerIDsRead(TrackerQuery, [Int64])
    case trackersRead(page: Range<Int>, [Tracker])
    case firstTrackersRead(TrackerQuery, [Tracker])
    case trackerRead(Int64, Tracker?, for: TrackerReadPurpose)
    case pickerResults(PickerDialog.Kind, term: String, advertiser: Int64?, PickerDialog.Results)
    /// nil when it could not be read: the filter then asks the store.
    case filterIndexRead(generation: Int, TrackerFilterIndex?)
    /// nil when it could not be read (the column then stays empty).
    case clickActivityRead(generation: Int, ClickActivity?)

    case trackerSaved(Tracker, created: Bool, UndoStep)
    case trackerSaveFailed(ClicktraxError)
    /// A More Action was done: what to say, what undoes it, the trackers it made (the cursor
    /// goes to the last, and the ticks go) and those it removed (their ticks go).
    case trackersChanged(message: String, UndoStep?, made: [Int64], removed: [Int64])
    case undone(UndoStep, revert: UndoStep)
    /// The step would delete these trackers on Invest at the next push: ask first.
    case undoAsks(UndoStep, onInvest: [Int64])
    case redone(UndoStep, again: UndoStep)
}
