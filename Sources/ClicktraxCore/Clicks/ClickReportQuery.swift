/// What a report groups by: the feed's dimensions Clicktrax keeps.
public enum ClickDimension: String, CaseIterable, Sendable, Equatable {
    case tracker
    case lineItem = "line-item"
    case publisher
    case placement
    case siteDomain = "site-domain"
    case day
    case hour

    public var title: String {
        switch self {
        case .tracker: "Tracker"
        case .lineItem: "Line item"
        case .publisher: "Publisher"
        case .placement: "Placement"
        case .siteDomain: "Site domain"
        case .day: "Day"
        case .hour: "Hour"
        }
    }

    public var isTime: Bool { self == .day || self == .hour }
}

/// A report's question: groups (nested, in order), a range of hours, and filters.
public struct ClickReportQuery: Sendable, Equatable {
    public var dimensions: [ClickDimension]
    /// Inclusive, an hour's start (UTC); nil: 30 days before `to`.
    public var from: Int64?
    /// Exclusive, an hour's start; nil: the end of the day of the newest click.
    public var to: Int64?
    public var trackers: Set<Int64> = []
    public var lineItems: Set<Int64> = []
    public var publishers: Set<Int64> = []
    /// Each row's clicks per day over the range too (the Reports screen's chart).
    public var dailySeries = false

    public static let defaultDays: Int64 = 30

    public init(dimensions: [ClickDimension], from: Int64? = nil, to: Int64? = nil) {
        self.dimensions = dimensions
        self.from = from
        self.to = to
    }
}

/// One value of a group: an object by id (with its name when this database knows it), a site
/// domain, or the start of a day or hour.
public enum ClickGroupKey: Hashable, Sendable, Comparable {
    case object(id: Int64, name: String?)
    case domain(String)
    case time(Int64)

    public static func < (lhs: ClickGroupKey, rhs: ClickGroupKey) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a, _), .object(let b, _)): a < b
        case (.domain(let a), .domain(let b)): a < b
        case (.time(let a), .time(let b)): a < b
        default: false
        }
    }
}

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

public struct ClickReport: Sendable, Equatable {
    public var query: ClickReportQuery
    public var from: Int64
    public var to: Int64
    /// The newest click in the database; nil when it has none.
    public var newestClick: Int64?
    public var rows: [ClickReportRow]
    public var clicks: Int
    public var cost: Int64
    /// The starts of the days of the rows' `daily`.
    public var days: [Int64]

    public static func empty(_ query: ClickReportQuery) -> ClickReport {
        ClickReport(query: query, from: query.from ?? 0, to: query.to ?? 0, newestClick: nil, rows: [], clicks: 0, cost: 0, days: [])
    }
}

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
