/// What a write to the trackers wrote, as the write's own transaction left it: the trackers and
/// the change-log entries that record it. A caller builds its undo step and its message from
/// this — it never reads the log again after the commit, so a read that fails cannot make a
/// committed change look unsaved.
public struct TrackerWrite: Sendable, Equatable {
    /// The trackers as written (a deleted one as it was); those already as asked are here too.
    public var trackers: [Tracker]
    /// The change-log entries made, one per tracker that changed, in the order written.
    public var changes: [Int64]
    /// The ids of the trackers that changed (those with an entry), in the same order.
    public var changedIds: [Int64]

    public init(trackers: [Tracker] = [], changes: [Int64] = [], changedIds: [Int64] = []) {
        self.trackers = trackers
        self.changes = changes
        self.changedIds = changedIds
    }

    /// The one tracker of a single-tracker write (create, update).
    public var tracker: Tracker { trackers[0] }

    mutating func append(_ tracker: Tracker, change: Int64?) {
        trackers.append(tracker)
        if let change {
            changes.append(change)
            changedIds.append(tracker.id)
        }
    }
}
