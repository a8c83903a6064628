/// A tracker change made here that Invest does not have yet.
public struct PendingChange: Sendable, Equatable {
    public enum Action: String, Sendable, Codable { case create, update, delete }
    public var action: Action
    public var trackerId: Int64
    /// The tracker as it is here (nil for a delete).
    public var mine: Tracker?
    /// Invest's copy as last seen: what an edit started from (nil for a create).
    public var base: Tracker?
    /// Why the last push did not send it, if it was refused.
    public var refusal: String?
}
