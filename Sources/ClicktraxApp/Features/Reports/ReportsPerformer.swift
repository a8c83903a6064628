import ClicktraxCore

/// Builds reports off the loop, from the clicks alone.
struct ReportsPerformer {
    let store: any ClickStoring
    let background: BackgroundWork

    func perform(_ command: ReportsCommand) throws -> [AppMessage] {
        switch command {
        case .runReport(let query):
            background.run { [store] in
                let report = try store.clickReport(query)
                return [.reports(.reportRead(query, report, ReportOrders(report)))]
            }
        }
        return []
    }
}
