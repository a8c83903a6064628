import Foundation
import Testing
@testable import ClicktraxCore

/// Network Analytics' CSV read, and the hourly rollups it is stored as (issue 32, part 6).
@Suite struct ImpressionRollupTests {
    static let hour = ClickTime.parse("2026-12-01 10:00:00")!

    func read(_ text: String, window: Range<Int64> = hour..<(hour + ClickTime.day)) throws -> [ImpressionHour] {
        var reader = CSVReader(text: text)
        return try NetworkAnalyticsCSV.read(&reader, report: "the impressions report", window: window).hours
    }

    @Test func columnsAreFoundByNameAndOtherImpressionTypesAreNotCounted() throws {
        let rows = try read("""
            external_click,imp_type_id,hour,placement_id,publisher_id,line_item_id,external_impression\r
            0,9,2026-12-01 10:00:00,0,44449,74957,1200\r
            7,10,2026-12-01 10:00,0,44449,74957,0\r
            0,1,2026-12-01 10:00:00,0,44449,74957,99999\r
            0,9,2026-12-01 11:00:00,0,44449,74957,30.00\r
            """)
        #expect(rows == [
            ImpressionHour(hour: Self.hour, lineItemId: 74957, publisherId: 44449, placementId: 0, impressions: 1200, clicks: 0),
            ImpressionHour(hour: Self.hour, lineItemId: 74957, publisherId: 44449, placementId: 0, impressions: 0, clicks: 7),
            ImpressionHour(hour: Self.hour + ClickTime.hour, lineItemId: 74957, publisherId: 44449, placementId: 0, impressions: 30, clicks: 0),
        ])
    }

    /// A row dated outside the window asked for is no row of it: counted, not kept.
    @Test func rowsOutsideTheWindowAreCountedAndNotKept() throws {
        var reader = CSVReader(text: NetworkAnalyticsCSV.columns.joined(separator: ",") + """

            2026-12-01 10:00:00,1,2,0,9,5,0
            2026-12-01 09:00:00,1,2,0,9,7,0
            2026-12-01 12:00:00,1,2,0,9,9,0

            """)
        let reading = try NetworkAnalyticsCSV.read(&reader, report: "r", window: Self.hour..<(Self.hour + 2 * ClickTime.hour))
        #expect(reading.hours.map(\.impressions) == [5])
        #expect(reading.outsideWindow == 2)
    }

    @Test(arguments: [
        ("hour,line_item_id,publisher_id,imp_type_id,external_impression,external_click\n", "line 1: the header has no column “placement_id”"),
        (NetworkAnalyticsCSV.columns.joined(separator: ",") + "\nyesterday,1,2,0,9,5,0\n", "line 2: hour: “yesterday” is not YYYY-MM-DD"),
        (NetworkAnalyticsCSV.columns.joined(separator: ",") + "\n2026-12-01 10:00:00,1,2,0,9,-5,0\n", "line 2: external_impression: “-5” is not a whole number"),
        (NetworkAnalyticsCSV.columns.joined(separator: ",") + "\n2026-12-01 10:00:00,1,2,0,9,5.5,0\n", "line 2: external_impression: “5.5” is not a whole number"),
    ])
    func aValueThatIsNotItsColumnsNamesTheLineAndColumn(text: String, message: String) throws {
        #expect(throws: ClicktraxError.self) { try read(text) }
        do { _ = try read(text) } catch {
            #expect("\(error)".contains(message) && "\(error)".contains("nothing of that window was stored"), "\(error)")
        }
    }

    @Test func aWindowPulledAgainReplacesItsHoursAndTheReportSumsWithNames() throws {
        let store = try SQLiteStore.inMemory()
        try store.load { _ = try DemoCatalog(lineItemCount: 20, trackerCount: 3, seed: 1).fill($0) }
        let lineItem = try #require(store.trackers(TrackerQuery()).first.flatMap { try store.lineItem(id: $0.lineItem.id) })
        let window = (from: Self.hour, to: Self.hour + 2 * ClickTime.hour)
        let rows = [
            ImpressionHour(hour: Self.hour, lineItemId: lineItem.id, publisherId: 1, placementId: 0, impressions: 800, clicks: 0),
            ImpressionHour(hour: Self.hour, lineItemId: lineItem.id, publisherId: 1, placementId: 0, impressions: 200, clicks: 0),
            ImpressionHour(hour: Self.hour + ClickTime.hour, lineItemId: lineItem.id, publisherId: 1, placementId: 0, impressions: 0, clicks: 25),
            // Outside the window: not the window's to store.
            ImpressionHour(hour: Self.hour + 5 * ClickTime.hour, lineItemId: lineItem.id, publisherId: 1, placementId: 0, impressions: 9, clicks: 9),
        ]
        #expect(try store.replaceImpressions(from: window.from, to: window.to, rows) == 2, "summed by hour and key")
        #expect(try store.replaceImpressions(from: window.from, to: window.to, rows) == 2)
        let report = try store.impressionReport(ImpressionReportQuery(dimensions: [.lineItem]))
        #expect(report.impressions == 1000 && report.clicks == 25, "replaced, not added to")
        #expect(report.rows == [ImpressionReport.Row(keys: [.object(lineItem.id, lineItem.name)], impressions: 1000, clicks: 25)])
        #expect(ImpressionReport.formatCTR(report.ctr) == "2.50%")
        #expect(report.newestHour == Self.hour + ClickTime.hour)
        let byDay = try store.impressionReport(ImpressionReportQuery(dimensions: [.day]))
        #expect(byDay.rows.first?.keys == [.day(ClickTime.startOfDay(Self.hour))])
        #expect(try store.replaceImpressions(from: window.from, to: window.to, []) == 0)
        #expect(try store.impressionReport(ImpressionReportQuery()).rows.isEmpty)
    }

    @Test func ctrIsShownToThreeFiguresBelowOnePercentAndNotAtAllWithoutImpressions() {
        #expect(ImpressionReport.formatCTR(0.0125) == "1.25%")
        #expect(ImpressionReport.formatCTR(0.000312) == "0.031%")
        #expect(ImpressionReport.formatCTR(0) == "0.00%")
        #expect(ImpressionReport.formatCTR(nil) == "—")
        #expect(ImpressionReport.Row(keys: [], impressions: 0, clicks: 3).ctr == nil)
    }
}
