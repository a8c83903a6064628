/// Every change to a tracker, with the tracker before and after; undo goes through it.
public protocol ChangeLog: Sendable {
    /// The change log, newest first; for one tracker or all.
    func changes(trackerId: Int64?, limit: Int) throws -> [TrackerChange]

    /// Reverts logged changes, newest first, in one transaction: each only if its tracker still
    /// holds what that change left, else none is reverted. The entries of the reverts, in the
    /// order made (reverting them in turn redoes the changes).
    func undo(changes sequences: [Int64]) throws -> [TrackerChange]
    /// The trackers these change-log entries created that Invest has now (pushed since): undoing
    /// the create deletes them on Invest at the next push, which the operator is asked first.
    func investCopies(createdBy changes: [Int64]) throws -> [Int64]

    /// A number that changes whenever another connection — another clicktrax process —
    /// commits a change; this store's own commits leave it be. Cheap enough to ask every second.
    func changeCounter() throws -> Int
}

extension ChangeLog {
    /// One change reverted (`undo(changes:)` of one).
    public func undo(change sequence: Int64) throws -> TrackerChange {
        try undo(changes: [sequence])[0]
    }
}
