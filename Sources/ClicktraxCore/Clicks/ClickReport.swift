public struct ClickReport: Sendable, Equatable {
    public var query: ClickReportQuery
    public var from: Int64
    public var to: Int64
    /// The newest click in the database; nil when it has none.
    public var newestClick: Int64?
    public var rows: ClickReportRows
    public var clicks: Int
    public var cost: Int64
    /// The starts of the days of the rows' `daily`.
    public var days: [Int64]

    public static func empty(_ query: ClickReportQuery) -> ClickReport {
        ClickReport(query: query, from: query.from ?? 0, to: query.to ?? 0, newestClick: nil,
                    rows: ClickReportRows(columnsFor: query.dimensions), clicks: 0, cost: 0, days: [])
    }
}
