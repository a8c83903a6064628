import ClicktraxCore
import TerminalUI
import Testing
@testable import ClicktraxApp

/// A tracker as Invest holds it (RULES.md §10) on the screens: its tab shown, its columns in line,
/// its Edit dialog opening at once on a 100 KB landing page, and a save of another field that
/// leaves what Invest holds as it is.
@Suite struct LegacyValuesOnScreenTests {
    static let name = "Legacy\ttracker " + String(repeating: "n", count: 285)
    static let landingPage = "https://example.com/" + String(repeating: "a", count: 100_000)

    /// The demo, and tracker 900001 as an Invest page brought it.
    func driver() throws -> AppDriver {
        let store = try SQLiteStore.inMemory()
        try store.load { _ = try DemoCatalog(lineItemCount: 50, trackerCount: 5, seed: 1).fill($0) }
        let model = try #require(try store.trackers(TrackerQuery()).first)
        let legacy = Tracker(id: 900_001, name: Self.name, code: "HAS SPACE", state: .active, clickUrl: Self.landingPage,
                                  lineItem: model.lineItem, publisher: model.publisher, lastModified: "2019-04-01 10:00:00")
        _ = try store.importStream(dryRun: false, bulk: false) { sink in
            sink(ImportRecord(object: .tracker(legacy, draft: legacy.draft, id: legacy.id, memberId: nil, kind: .click), file: "page.json",
                              place: "record 0", origin: .invest))
            return []
        }
        return try AppDriver(width: 120, height: 30, store: store)
    }

    @Test func theTableShowsItsTabAndKeepsItsColumnsInLine() throws {
        let driver = try driver()
        let row = try #require(driver.lines.first { $0.contains("900001") })
        #expect(row.contains("Legacy␉tracker"), "\(row)")
        let header = try #require(driver.lines.first { $0.contains("Name") && $0.contains("ID") })
        let others = driver.lines.filter { $0.contains("2137") }
        #expect(!others.isEmpty)
        // Every row is as wide as the header: the stand-in took one cell, as the tab's place.
        for line in [row] + others { #expect(DisplayWidth.of(line) == DisplayWidth.of(header), "\(line)") }
    }

    @Test func itsEditDialogOpensOnAHundredKilobyteLandingPageAndSavesAnotherField() throws {
        let driver = try driver()
        driver.press(.char("/"))
        driver.type("900001")
        driver.press(KeyPress(.enter), KeyPress(.enter))
        let dialog = try #require(driver.trackerDialog)
        #expect(dialog.trackerId == 900_001)
        #expect(driver.text.contains("Legacy␉tracker"), "the tab is shown in the field too")
        // The landing page field, focused at its end, draws at once.
        driver.focus(.landingPage)
        driver.press(KeyPress(.end))
        #expect(driver.text.contains("aaaa"))
        // Another field changed: saved, and what Invest holds is left as it was.
        driver.focus(.state)
        driver.press(.char(" "))
        driver.press(.ctrl("s"))
        #expect(driver.modals.isEmpty, "\(driver.text)")
        let stored = try #require(try driver.store.tracker(id: 900_001))
        #expect(stored.state == .inactive && stored.name == Self.name && stored.code == "HAS SPACE" && stored.clickUrl == Self.landingPage)
    }
}
