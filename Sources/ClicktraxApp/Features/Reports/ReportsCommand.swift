import ClicktraxCore

/// What the Reports feature asks of the store (`ReportsPerformer`).
public enum ReportsCommand: Sendable, Equatable {
    /// A clicks report, built in the background.
    case runReport(ClickReportQuery)
    /// An impressions report (Network Analytics), built in the background.
    case runImpressionReport(ImpressionReportQuery)
}

/// What it found.
public enum ReportsMessage: Sendable {
    case reportRead(ClickReportQuery, ClickReport, ReportOrders)
    case impressionReportRead(ImpressionReportQuery, ImpressionReport)
}
