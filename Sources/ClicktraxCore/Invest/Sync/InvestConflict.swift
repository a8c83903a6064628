/// A tracker changed both here and on Invest since the last pull: both versions kept until
/// `invest resolve` picks one.
public struct InvestConflict: Sendable, Equatable {
    public var trackerId: Int64
    /// This database's version (nil: deleted here).
    public var mine: Tracker?
    /// Invest's version (nil: deleted on Invest).
    public var theirs: Tracker?
    public var reason: String
    public var foundAt: String

    public init(trackerId: Int64, mine: Tracker?, theirs: Tracker?, reason: String, foundAt: String) {
        self.trackerId = trackerId
        self.mine = mine
        self.theirs = theirs
        self.reason = reason
        self.foundAt = foundAt
    }
}
