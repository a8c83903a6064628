/// Clicks per tracker per day over the last days of data, for the Click Trackers table.
public struct ClickActivity: Sendable, Equatable {
    public var days: [Int64]
    public var byTracker: [Int64: Series]

    public struct Series: Sendable, Equatable {
        public var clicks: Int
        public var daily: [Int32]
        public var stopped: Bool
    }

    public init(days: [Int64] = [], byTracker: [Int64: Series] = [:]) {
        self.days = days
        self.byTracker = byTracker
    }
}
