import ClicktraxCore

/// Builds reports off the loop, from the clicks' and the impressions' rollups alone.
struct ReportsPerformer {
    let store: any ClickStoring & ImpressionStoring
    let background: BackgroundWork

    func perform(_ command: ReportsCommand) throws -> [AppMessage] {
        switch command {
        case .runReport(let query):
            background.run { [store] in
                let report = try store.clickReport(query)
                return [.reports(.reportRead(query, report, ReportOrders(report)))]
            }
        case .runImpressionReport(let query):
            background.run { [store] in [.reports(.impressionReportRead(query, try store.impressionReport(query)))] }
        }
        return []
    }
}
