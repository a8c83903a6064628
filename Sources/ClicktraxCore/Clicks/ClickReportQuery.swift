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
