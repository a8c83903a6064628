/// A request about to be sent, written down first (`invest_outbox`), so that a push that dies
/// anywhere — before the request, during it, after Invest stored it — can find out on the next
/// run what Invest has, instead of sending it again blindly.
public struct OutboxEntry: Sendable, Equatable {
    public var trackerId: Int64
    public var action: PendingChange.Action
    public var advertiserId: Int64
    /// What the tracker was to become (nil for a delete).
    public var intent: Tracker?
    /// Invest's `last_modified` the change started from (nil for a create).
    public var baseLastModified: String?
    public var writtenAt: String
    /// The tracker's revision the request carried: a later one is an edit made meanwhile.
    public var revision: Int?

    public init(trackerId: Int64, action: PendingChange.Action, advertiserId: Int64, intent: Tracker?,
                baseLastModified: String?, writtenAt: String, revision: Int? = nil) {
        self.trackerId = trackerId
        self.action = action
        self.advertiserId = advertiserId
        self.intent = intent
        self.baseLastModified = baseLastModified
        self.writtenAt = writtenAt
        self.revision = revision ?? intent?.revision
    }
}
