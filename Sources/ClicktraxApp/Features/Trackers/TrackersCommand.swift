import ClicktraxCore

/// What the Click Trackers feature asks of the store (`TrackersPerformer`).
public enum TrackersCommand: Sendable, Equatable {
    // MARK: Reads (quick, on the loop's thread: the next frame shows them)
    case countTrackers
    /// Every tracker's ID in this order (the query has no search: the filter narrows in memory).
    case readTrackerIDs(TrackerQuery)
    /// A page of the table: the trackers with these IDs, for rows `page`.
    case readTrackers(ids: [Int64], page: Range<Int>)
    /// The first frame's screenful: the first `limit` trackers of this order, read by the query
    /// itself (every ID in order comes once that frame is up).
    case readFirstTrackers(TrackerQuery, limit: Int)
    case readTracker(Int64, for: TrackerReadPurpose)
    /// A picker's search; `advertiser` filters a line item search.
    case searchPicker(PickerDialog.Kind, term: String, advertiser: Int64?)

    // MARK: Background (off the loop; the result arrives in the inbox)
    /// The filter's texts of every tracker (`TrackerFilterIndex`); `generation` tells a stale
    /// read from the current one; `order`, the list the screen shows, is prepared for with it.
    case readFilterIndex(generation: Int, order: [Int64])
    /// Brings the line item search index up to date and into memory.
    case prepareSearch
    /// Clicks per tracker per day over the last 14 days, for the table's column; `generation`
    /// tells a stale read from the current one.
    case readClickActivity(generation: Int)

    // MARK: Writes
    case createTracker(TrackerDraft)
    case updateTracker(id: Int64, TrackerDraft, revision: Int)
    /// Activate, deactivate, duplicate or delete (already confirmed).
    case change(MoreAction, [Int64])
    /// Undo a step; unless `confirmed`, one that would delete a tracker on Invest asks first.
    case undo(UndoStep, confirmed: Bool)
    case redo(UndoStep)
}

/// Why a tracker is read.
public enum TrackerReadPurpose: Sendable, Equatable {
    case edit
    /// Into the open dialog, after a save was refused over someone's change.
    case reloadDialog
}
