/// External impressions, clicks and CTR from Network Analytics, grouped (`ImpressionReportQuery`).
public struct ImpressionReport: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public enum Key: Sendable, Equatable {
            /// A line item, publisher or placement (0: none) and its name here, if it is here.
            case object(Int64, String?)
            /// A day's start.
            case day(Int64)
        }

        public var keys: [Key]
        public var impressions: Int64
        public var clicks: Int64

        /// Clicks per impression; nil without impressions (a click with none counted is not a rate).
        public var ctr: Double? { ImpressionReport.ctr(clicks: clicks, impressions: impressions) }

        public init(keys: [Key], impressions: Int64, clicks: Int64) {
            self.keys = keys
            self.impressions = impressions
            self.clicks = clicks
        }
    }

    public var query: ImpressionReportQuery
    public var rows: [Row]
    public var impressions: Int64
    public var clicks: Int64
    /// The newest hour stored (nil: no impressions at all), and the range reported.
    public var newestHour: Int64?
    public var from: Int64
    public var to: Int64

    public var ctr: Double? { Self.ctr(clicks: clicks, impressions: impressions) }

    public init(query: ImpressionReportQuery, rows: [Row], impressions: Int64, clicks: Int64, newestHour: Int64?, from: Int64, to: Int64) {
        self.query = query
        self.rows = rows
        self.impressions = impressions
        self.clicks = clicks
        self.newestHour = newestHour
        self.from = from
        self.to = to
    }

    public static func ctr(clicks: Int64, impressions: Int64) -> Double? {
        impressions > 0 ? Double(clicks) / Double(impressions) : nil
    }

    /// `1.25%`, `0.031%`, or `—` without impressions: three significant figures below 1 %.
    public static func formatCTR(_ ctr: Double?) -> String {
        guard let ctr else { return "—" }
        let percent = ctr * 100
        if percent == 0 { return "0.00%" }
        if percent >= 1 { return String(format: "%.2f%%", percent) }
        return String(format: "%.3f%%", percent)
    }

    /// The same, short enough for a line of a screen.
    public static let shortCaveat = "Two impression trackers on the same line item, publisher and placement cannot be told apart "
        + "(Network Analytics has no tracker id)."

    /// What every impressions report says beside its figures.
    public static let caveat = "Two impression trackers on the same line item, publisher and placement cannot be told apart: "
        + "Network Analytics reports external impressions (imp_type 9) and clicks (10) by line item, publisher and placement, "
        + "with no tracker id."
}
