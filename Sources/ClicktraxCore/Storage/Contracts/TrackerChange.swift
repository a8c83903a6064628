/// One entry of the change log: a tracker created, updated, activated, deactivated or deleted,
/// with the tracker as it was before and after (nil where it did not exist).
public struct TrackerChange: Sendable, Equatable {
    public enum Action: String, Sendable, CaseIterable {
        case created, updated, activated, deactivated, deleted
    }

    public var sequence: Int64
    /// `YYYY-MM-DD HH:MM:SS` UTC.
    public var changedAt: String
    public var trackerId: Int64
    public var action: Action
    public var before: Tracker?
    public var after: Tracker?
    /// Who made the change: user, host and process.
    public var actor: String

    public init(
        sequence: Int64, changedAt: String, trackerId: Int64, action: Action,
        before: Tracker?, after: Tracker?, actor: String
    ) {
        self.sequence = sequence
        self.changedAt = changedAt
        self.trackerId = trackerId
        self.action = action
        self.before = before
        self.after = after
        self.actor = actor
    }
}
