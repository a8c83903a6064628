import Foundation

/// `clicktrax invest pull-impressions`: Network Analytics' external impressions (imp_type 9) and
/// clicks (10) per hour, line item, publisher and placement — where Invest reports what
/// impression trackers count (there is no per-impression feed, and no tracker id in any report).
/// One report per window of at most 7 days, each requested, polled, downloaded and stored as
/// hourly rollups replacing what an earlier pull stored for those hours.
public struct InvestImpressionPull: Sendable {
    /// Network Analytics keeps hourly data for 100 days.
    public static let retention: Int64 = 100 * ClickTime.day
    /// A week of hours per report: small enough to be ready quickly, few enough requests for a quarter.
    public static let longestWindow: Int64 = 7 * ClickTime.day

    public let client: InvestClient
    public let store: any ImpressionStoring
    public let events: @Sendable (InvestEvent) -> Void
    public var pollTimeout: TimeInterval = 20 * 60

    public init(client: InvestClient, store: any ImpressionStoring, events: @escaping @Sendable (InvestEvent) -> Void = { _ in }) {
        self.client = client
        self.store = store
        self.events = events
    }

    /// `[from, to)` in windows of at most 7 days, checked against what Network Analytics keeps
    /// by the hour: nothing is asked of Invest when a window could not be served.
    public static func windows(from: Int64, to: Int64, now: Int64) throws -> [InvestClickPull.Window] {
        try InvestClickPull.Window.cut(from: from, to: to, now: now, longest: longestWindow, keptFor: retention, command: "pull-impressions",
                                       keeps: "Network Analytics keeps hours for 100 days")
    }

    /// The windows one after another, each stored as it arrives (a failed window stops the run;
    /// those stored before stay). `stored` hears of each: its rows and its totals. Returns the
    /// impressions and clicks stored in all.
    @discardableResult
    public func run(_ windows: [InvestClickPull.Window],
                    stored: @Sendable (InvestClickPull.Window, _ rows: Int, _ impressions: Int64, _ clicks: Int64) -> Void) async throws
        -> (impressions: Int64, clicks: Int64) {
        var fetch = InvestReportFetch(client: client, events: events)
        fetch.pollTimeout = pollTimeout
        var totals: (impressions: Int64, clicks: Int64) = (0, 0)
        for window in windows {
            let what = "the impressions report"
            let path = try await fetch.download(Self.report(window), what: what, window: window.label)
            // The download's temporary copy (0600, in the temporary folder): gone or not, nothing depends on it.
            defer { try? FileManager.default.removeItem(atPath: path) }
            let reading = try NetworkAnalyticsCSV.read(path, report: "\(what) for \(window.label)", window: window.from..<window.to)
            if reading.outsideWindow > 0 {
                events(.note("\(window.label): \(reading.outsideWindow) row(s) dated outside the window asked for: refused, not stored"))
            }
            let rows = try store.replaceImpressions(from: window.from, to: window.to, reading.hours)
            let impressions = reading.hours.reduce(0) { $0 &+ $1.impressions }
            let clicks = reading.hours.reduce(0) { $0 &+ $1.clicks }
            totals = (totals.impressions &+ impressions, totals.clicks &+ clicks)
            stored(window, rows, impressions, clicks)
        }
        return totals
    }

    /// The request: Network Analytics by hour, line item, publisher, placement and impression
    /// type, only external impressions and clicks, in UTC.
    static func report(_ window: InvestClickPull.Window) -> [String: Any] {
        [
            "report_type": "network_analytics",
            "columns": NetworkAnalyticsCSV.columns,
            "filters": [["imp_type_id": [NetworkAnalyticsCSV.externalImpression, NetworkAnalyticsCSV.externalClick]]],
            "start_date": ClickTime.format(window.from),
            "end_date": ClickTime.format(window.to),
            "timezone": "UTC",
            "format": "csv",
        ]
    }
}
