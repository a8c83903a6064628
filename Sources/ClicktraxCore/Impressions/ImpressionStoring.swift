/// The impressions part of a store: Network Analytics' external impressions and clicks, as
/// hourly rollups (see `TrackerStore`).
public protocol ImpressionStoring: Sendable {
    /// Replaces every hour of `[from, to)` with `hours` (rows of the same hour, line item,
    /// publisher and placement are summed), in one transaction: a window pulled again replaces
    /// what an earlier pull stored for it. Returns the rows stored.
    @discardableResult
    func replaceImpressions(from: Int64, to: Int64, _ hours: [ImpressionHour]) throws -> Int
    func impressionReport(_ query: ImpressionReportQuery) throws -> ImpressionReport
}
