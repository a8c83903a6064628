public struct ClickReportRow: Sendable, Equatable {
    /// One per dimension of the query, in its order.
    public var keys: [ClickGroupKey]
    public var clicks: Int
    /// Billionths (`ClickCost`).
    public var cost: Int64
    public var first: Int64
    public var last: Int64
    /// Grouped by tracker: it had clicks in the range and none in the 24 hours before the newest
    /// click in the database (its tag may be broken).
    public var stopped = false
    /// Clicks per day of `ClickReport.days` (when the query asked for them).
    public var daily: [Int32] = []
}
