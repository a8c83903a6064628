import ClicktraxCore
import Foundation
import TerminalUI
import Testing
@testable import ClicktraxApp

/// The Reports screen as an operator uses it: sorting, filtering, regrouping, ranges, going to
/// a tracker, and every key of it on a report in memory.
@Suite struct ReportsScreenTests {
    func opened() throws -> AppDriver {
        let driver = try AppDriver(width: 120, height: 34)
        try driver.loadClicks()
        driver.openReports()
        return driver
    }

    func rows(_ driver: AppDriver) -> [ClickReportRow] {
        guard let screen = driver.reports, let report = screen.report else { return [] }
        return screen.order.map { report.rows[$0] }
    }

    @Test func sortsByEveryColumnBothWaysAndFiltersByIdOrName() throws {
        let driver = try opened()
        #expect(rows(driver).count == 10)
        #expect(rows(driver).map(\.keys) == rows(driver).map(\.keys).sorted { $0.lexicographicallyPrecedes($1) })
        driver.press(.char("s"), .char("s"))                    // Name, then Clicks (most first)
        let clicks = rows(driver).map(\.clicks)
        #expect(clicks == clicks.sorted(by: >), "\(clicks)")
        driver.press(.char("S"))
        #expect(rows(driver).map(\.clicks) == clicks.reversed())
        driver.press(.char("/"))
        driver.type("clik")
        #expect(rows(driver).count == 1)
        #expect(driver.text.contains("1 of 10 rows"))
        driver.press(KeyPress(.escape), KeyPress(.escape))
        #expect(rows(driver).count == 10)
        // The stopped tracker says so, in the table and the totals.
        #expect(driver.text.contains("stopped"))
    }

    @Test func regroupsByEachDimensionAndStepsTheRange() throws {
        let driver = try opened()
        for expected in ["Line item", "Publisher", "Placement", "Site domain", "Day", "Hour", "Tracker"] {
            driver.press(.char("b"))
            driver.waitForReport()
            #expect(driver.text.contains("Group by \(expected)"), "\(driver.text)")
            let total = rows(driver).reduce(0) { $0 + $1.clicks }
            #expect(total == 1_658, "\(expected): \(total)")
        }
        driver.press(.char("B"))
        driver.waitForReport()
        #expect(driver.text.contains("Group by Tracker › Line item"))
        driver.press(.char("r"))
        driver.waitForReport()
        #expect(driver.text.contains("14 days: 2026-11-16 – 2026-11-29"), "\(driver.text)")
        driver.press(.char("["))
        driver.waitForReport()
        #expect(driver.text.contains("No clicks in this range"), "the 14 days before hold none")
        driver.press(.char("]"))
        driver.waitForReport()
        #expect(!rows(driver).isEmpty)
    }

    @Test func enterOnATrackerShowsItOnTheClickTrackersScreen() throws {
        let driver = try opened()
        driver.press(.char("j"), .char("j"), .char("j"))
        let id = try #require(rows(driver)[3].keys.first.flatMap { key -> Int64? in
            if case .object(let id, _) = key { return id }
            return nil
        })
        driver.press(KeyPress(.enter))
        #expect(driver.state.shown == .clickTrackers)
        #expect(driver.waitFor { driver.screen.currentId == id })
        driver.press(.alt("2"))
        #expect(driver.reports?.table.cursor == 3, "the Reports screen kept its place")
    }

    @Test func aTooSmallTerminalAndBackAndEveryKeyOnAnEmptyDatabase() throws {
        let driver = try opened()
        driver.resize(width: 40, height: 10)
        #expect(driver.text.contains("terminal too small"))
        driver.resize(width: 60, height: 16)
        #expect(driver.text.contains("Group by Tracker"))
        let empty = try AppDriver(width: 80, height: 24)
        empty.openReports()
        for key in ["j", "k", "b", "B", "r", "[", "]", "s", "S", "g", "G"] { empty.press(.char(Character(key))) }
        empty.press(KeyPress(.enter), KeyPress(.pageDown), KeyPress(.escape))
        empty.waitForReport()
        #expect(empty.text.contains("No clicks in this database yet"))
    }
}

extension ReportsScreenTests {
    /// Reports that read well (issue 30, point 8): media cost with four decimals, lined up; the
    /// totals follow the filter; by day in date order; a short terminal says the chart needs room,
    /// and at 80×30 its bars stand apart.
    @Test func costsLineUpTotalsFollowTheFilterAndTheChartReadsOrSaysWhy() throws {
        let driver = try opened()
        let costColumn = driver.lines.dropFirst(4).prefix(10).compactMap { line -> String? in
            line.split(separator: " ").first { $0.contains(".") && $0.allSatisfy { $0.isNumber || $0 == "." } }.map(String.init)
        }
        #expect(costColumn.count == 10 && costColumn.allSatisfy { $0.split(separator: ".").last?.count == 4 }, "\(costColumn)")
        let all = try #require(driver.reports?.shownTotals)
        driver.press(.char("/"))
        driver.type("clik")
        let filtered = try #require(driver.reports?.shownTotals)
        #expect(filtered.clicks == rows(driver).reduce(0) { $0 + $1.clicks } && filtered.clicks < all.clicks)
        #expect(driver.text.contains("\(filtered.clicks.grouped) clicks") && driver.text.contains("(the rows shown)"), "\(driver.lines[2])")
        driver.press(KeyPress(.escape), KeyPress(.escape))

        for _ in 0..<5 { driver.press(.char("b")) }           // tracker → … → day
        driver.waitForReport()
        #expect(driver.reports?.grouping == .day)
        let days = rows(driver).map(\.keys)
        #expect(days == days.sorted { $0.lexicographicallyPrecedes($1) }, "by day: in date order")

        driver.resize(width: 80, height: 24)
        #expect(driver.text.contains("The clicks-per-day chart needs a taller terminal (26 rows or more)."), "\(driver.text)")
        driver.resize(width: 80, height: 30)
        // The chart's bottom row: a run of full blocks per day, each apart from the next.
        let bottom = try #require(driver.lines.last { $0.contains("0│") })
        let runs = bottom.split(separator: "│").last?.split(whereSeparator: { $0 == " " }).filter { !$0.isEmpty } ?? []
        #expect(runs.count == (driver.reports?.report?.rows.count ?? 0) && runs.count > 1, "a blank column between neighbouring bars: \(bottom)")
    }
}

extension ReportsScreenTests {
    /// `i`: Network Analytics' impressions, clicks and CTR over the same range keys, the caveat on
    /// screen, grouping by day and back; the breadcrumb says which.
    @Test func impressionsShowCTRAndSayWhyNoRowIsATracker() throws {
        let driver = try AppDriver(width: 140, height: 30)
        let tracker = try #require(driver.store.trackers(TrackerQuery()).first)
        let hour = ClickTime.startOfHour(Int64(Date().timeIntervalSince1970)) - 5 * ClickTime.hour
        try driver.store.replaceImpressions(from: hour, to: hour + ClickTime.hour, [
            ImpressionHour(hour: hour, lineItemId: tracker.lineItem.id, publisherId: tracker.publisher.id, placementId: 0,
                           impressions: 4000, clicks: 50),
        ])
        driver.openReports()
        driver.press(.char("i"))
        driver.waitFor { driver.text.contains("4,000") }
        let text = driver.text
        #expect(driver.lines[0].contains("Reporting › Impressions"), "\(driver.lines[0])")
        #expect(text.contains("Showing Impressions") && text.contains("Line item › Publisher › Placement"), "\(text)")
        #expect(text.contains(tracker.lineItem.name.prefix(12)) && text.contains("1.25%"), "\(text)")
        #expect(text.contains("1 of 1 rows · 4,000 impressions · 50 clicks · CTR 1.25%"), "\(text)")
        #expect(text.contains("Two impression trackers on the same line item, publisher and placement cannot be told apart"), "\(text)")
        driver.press(.char("b"), .char("b"), .char("b"), .char("b"))
        driver.waitFor { driver.text.contains("Group by Day") && driver.text.contains(ClickTime.formatDay(hour)) }
        #expect(driver.text.contains(ClickTime.formatDay(hour)), "\(driver.text)")
        driver.press(KeyPress(.enter))
        #expect(driver.text.contains("no tracker id"), "\(driver.text)")
        driver.press(.char("i"))
        driver.waitFor { driver.text.contains("Showing Clicks") }
        #expect(driver.lines[0].contains("Reporting › Clicks") && !driver.text.contains("cannot be told apart"), "\(driver.text)")
    }
}

extension ReportsScreenTests {
    /// After `b`, until the new report arrives, the table keeps the report shown: sorting or
    /// filtering it goes by its own keys (a day report sorted by three keys read past its one).
    @Test func theImpressionsShownKeepTheirColumnsUntilTheNextGroupingArrives() {
        var view = ImpressionsReportView()
        let byDay = ImpressionReportQuery(dimensions: [.day])
        for _ in 0..<4 { _ = view.perform(.nextGrouping, filter: "") }
        #expect(view.dimensions == [.day])
        _ = view.needs(hours: 720, shift: 0)
        let day = ClickTime.parse("2026-12-01")!
        view.receive(byDay, ImpressionReport(query: byDay, rows: [
            .init(keys: [.day(day + ClickTime.day)], impressions: 10, clicks: 1), .init(keys: [.day(day)], impressions: 30, clicks: 2),
        ], impressions: 40, clicks: 3, newestHour: day + ClickTime.day, from: day, to: day + 2 * ClickTime.day), filter: "")
        _ = view.perform(.nextGrouping, filter: "")            // back to line item › publisher › placement, not read yet
        #expect(view.dimensions == [.lineItem, .publisher, .placement] && view.shownDimensions == [.day])
        #expect(view.columns.map(\.title) == ["Day", "Impressions", "Clicks", "CTR"])
        _ = view.perform(.nextSortColumn, filter: "")
        _ = view.perform(.reverseSort, filter: "")
        view.arrange(filter: "2026-12-01")
        #expect(view.order.count == 1 && view.shownTotals == (30, 2))
        view.arrange(filter: "")
        #expect(view.shownTotals == (40, 3))
    }
}
