import ClicktraxCore
import Foundation
import TerminalUI
@testable import ClicktraxApp

extension AppDriver {
    /// Fourteen days of clicks on the first ten demo trackers, the same on every run: tracker
    /// 21378 busiest, 21381 stopped four days before the end. Then reloads (Ctrl-L).
    func loadClicks() throws {
        var lines = ["datetime,auction_id,tracker_id,publisher_id,site_domain,media_buy_cost"]
        let start = ClickTime.parse("2026-11-16")!
        var auction: UInt64 = 1
        for day in 0..<14 {
            for tracker in 0..<10 {
                let perDay = tracker == 0 ? 20 + day * 3 : (tracker * 7 + day * 5) % 17 + 1
                if tracker == 3 && day >= 10 { continue }
                for click in 0..<perDay {
                    let at = start + Int64(day) * ClickTime.day + Int64(click * 3_600 * 23 / perDay + tracker * 60)
                    lines.append("\(ClickTime.format(at)),\(auction),\(21378 + tracker),44449,news\(tracker % 3).example,0.\(100 + tracker * 37 + click)")
                    auction += 1
                }
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clicks-\(UUID().uuidString).csv")
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try ClickImporter().run([file.path], into: store)
        press(.ctrl("l"))
        waitFor { screen.activity?.byTracker.isEmpty == false }
    }

    /// A week of Network Analytics hours on the first four impression trackers' line items and
    /// publishers (two on one pair: counted together, as Invest reports them).
    func loadImpressions() throws {
        let start = ClickTime.parse("2026-11-23")!
        var hours: [ImpressionHour] = []
        let trackers = try store.scoped(to: .impression).trackers(TrackerQuery()).prefix(4)
        for day in 0..<7 {
            for (index, tracker) in trackers.enumerated() {
                let hour = start + Int64(day) * ClickTime.day + Int64(index) * ClickTime.hour
                let impressions = Int64(1_000 + index * 750 + day * 40)
                hours.append(ImpressionHour(hour: hour, lineItemId: tracker.lineItem.id, publisherId: tracker.publisher.id,
                                            placementId: tracker.tag?.id ?? 0, impressions: impressions, clicks: impressions / Int64(40 + index * 25)))
            }
        }
        try store.replaceImpressions(from: start, to: start + 7 * ClickTime.day, hours)
    }

    var reports: ReportsScreen? {
        state.shown == .reports ? state.reports?.screen : nil
    }

    /// Alt-2, then waits for the report.
    func openReports() {
        press(.alt("2"))
        waitFor { reports?.report != nil }
    }

    func waitForReport() {
        waitFor { reports.map { $0.report != nil && !$0.isWaiting } ?? false }
    }
}
