/// What a pull did to one kind of tracker (`PullSummary[.click]`, `PullSummary[.impression]`).
public struct TrackerPullCounts: Sendable, Equatable {
    public var updated = 0
    public var added = 0
    public var removed = 0
    /// Trackers that became conflicting (changed on Invest and here).
    public var conflicts: [Int64] = []
    /// Trackers made here that moved to the provisional range (connecting, or their id is Invest's).
    public var renumbered: [Renumbering] = []
    /// Trackers made here whose push was cut after Invest stored them: they took Invest's id.
    public var adopted: [Renumbering] = []

    public struct Renumbering: Sendable, Equatable {
        public var from: Int64
        public var to: Int64
    }

    /// Nothing came, went or changed.
    public var isEmpty: Bool { self == TrackerPullCounts() }

    public init() {}
}
