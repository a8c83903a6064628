/// The click trackers themselves.
public protocol TrackerRepository: Sendable {
    func trackers(_ query: TrackerQuery) throws -> [Tracker]
    /// The same trackers one at a time (no limit), their number first (one snapshot).
    func forEachTracker(_ query: TrackerQuery, count: (Int) throws -> Void, _ body: (Tracker) throws -> Void) throws
    func trackerCount(_ query: TrackerQuery) throws -> Int
    func tracker(id: Int64) throws -> Tracker?

    /// The IDs of the trackers a query finds, in its order: a table pages through these, so
    /// scrolling reads a screenful by ID instead of skipping over rows with OFFSET.
    func trackerIDs(_ query: TrackerQuery) throws -> [Int64]

    /// What the screen's filter matches, for every tracker (see `TrackerFilterIndex`).
    func trackerFilterIndex() throws -> TrackerFilterIndex

    /// These trackers, in this order (IDs that no longer exist are left out).
    func trackers(ids: [Int64]) throws -> [Tracker]

    /// Validates and stores a new tracker. `id` mirrors a tracker that already exists in Invest;
    /// nil takes the next free id (never one a deleted tracker had).
    func createTracker(_ draft: TrackerDraft, id: Int64?) throws -> TrackerWrite

    /// Saves an edit made to the tracker as it was at `expectedRevision`. Refused with
    /// `ClicktraxError.conflict` when someone saved it since, so no one's edit is silently lost.
    /// An edit that changes nothing writes nothing (no change-log entry).
    func updateTracker(id: Int64, with draft: TrackerDraft, expectedRevision: Int) throws -> TrackerWrite

    /// Activates or deactivates trackers, all or none; those already in that state are left
    /// alone (no entry). The trackers as they now are.
    func setState(_ state: ObjectState, trackerIds: [Int64]) throws -> TrackerWrite

    /// Deletes trackers, all or none; the trackers as they were (the change log keeps them too).
    func deleteTrackers(ids: [Int64]) throws -> TrackerWrite

    /// Copies trackers, all or none ("Copy of …", no code); the copies.
    func duplicateTrackers(ids: [Int64]) throws -> TrackerWrite
}
