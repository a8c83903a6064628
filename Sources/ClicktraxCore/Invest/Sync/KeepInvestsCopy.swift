/// What dropping a local change did, and the change-log entries it wrote (to undo it).
public struct KeepInvestsCopy: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// Invest's copy is the tracker again (its fields, or the tracker itself after a delete here).
        case restored(Tracker)
        /// A tracker made here and never pushed: removed (it was `Tracker` before).
        case removed(Tracker)
        /// Made here and never pushed: removing it is the only way back, and must be agreed to.
        case needsAgreement(Tracker)
    }

    public var outcome: Outcome
    public var changes: [Int64]

    public init(_ outcome: Outcome, changes: [Int64] = []) {
        self.outcome = outcome
        self.changes = changes
    }
}
