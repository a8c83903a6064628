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
