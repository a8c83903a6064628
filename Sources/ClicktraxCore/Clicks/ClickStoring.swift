/// The clicks part of a store (see `TrackerStore`).
public protocol ClickStoring: Sendable {
    /// One click import in one transaction: `body` writes through the writer; a throw rolls
    /// everything back. The store completes the summary (what was added, unknown trackers).
    func importClicks(_ body: (any ClickImportWriting) throws -> ClickImportSummary) throws -> ClickImportSummary
    /// A report from the rollups.
    func clickReport(_ query: ClickReportQuery) throws -> ClickReport
    /// Clicks per tracker per day over the `days` days up to the newest click, for the Click
    /// Trackers table's column and sparkline (computed again only after clicks were imported).
    func clickActivity(days: Int) throws -> ClickActivity
}

/// Where an import writes, inside its transaction.
public protocol ClickImportWriting: AnyObject {
    /// Sources numbered by the import, from the count given so far on, in order.
    func add(sources: [ClickSource]) throws
    /// Removes every click stored in these hours (their starts), and their sums.
    func replace(hours: [Int64]) throws
    /// Inserts clicks; one already stored (the same auction at the same second) is skipped, and
    /// its hour summed again from the stored clicks at the end.
    func add(_ rows: [ClickRow]) throws
    /// Adds hour sums (keyed hour number << 32 | the import's source number) to the hour blocks.
    func add(sums: [(key: Int64, sum: ClickHourSum)]) throws
    var totals: ClickWriteTotals { get }
}

public struct ClickWriteTotals: Sendable {
    public var added = 0
    public var alreadyThere = 0
    public var replaced = 0
    /// Clicks added per source, by the import's numbering.
    public var addedBySource: [Int32: Int] = [:]
}

/// One source's clicks in one hour, as the import's reader sums them.
public struct ClickHourSum: Sendable {
    public var clicks: UInt32
    /// Billionths.
    public var cost: Int64
    public var first: Int64
    public var last: Int64
}
