import ClicktraxCore

/// The Reports feature: a report arrived for its screen.
extension AppState {
    mutating func reduceReports(_ message: ReportsMessage) {
        switch message {
        case .reportRead(let query, let report, let orders):
            updateReports { $0.receive(query, report, orders) }
        case .impressionReportRead(let query, let report):
            updateReports { $0.receive(query, report) }
        }
    }
}
