import ClicktraxCore
import TerminalUI
import Testing
@testable import ClicktraxApp

@Suite struct MoreActionsTests {
    typealias Driver = MainScreenTests.Driver

    func state(_ driver: Driver, _ id: Int64) throws -> ObjectState? { try driver.runner.screen.store.tracker(id: id)?.state }

    @Test func theMenuRunsAnActionOnTheCurrentTracker() throws {
        let driver = try Driver()
        driver.press(.char("m"))
        #expect(driver.lines[3].contains("Export Tags…") && driver.lines[4].contains("Copy Tags") && driver.lines[5].contains("Activate")
                && driver.lines[5].contains("+ │"))
        #expect(driver.lines.joined().contains("Undo last change"))
        driver.press(KeyPress(.down), KeyPress(.down), KeyPress(.down), KeyPress(.enter))
        #expect(try state(driver, 21378) == .inactive)
        #expect(driver.runner.modals.isEmpty)
        #expect(driver.lines[14].contains("Deactivated tracker 21378"))
        driver.press(.char("u"))
        #expect(try state(driver, 21378) == .active)
        #expect(driver.lines[14].contains("Undid the last change (1 tracker)"))
    }

    @Test func deleteAsksFirstAndEnterAloneCancels() throws {
        let driver = try Driver()
        driver.press(.char(" "), .char(" "), KeyPress(.delete))
        #expect(driver.lines.joined().contains("Delete 2 click trackers?"))
        driver.press(KeyPress(.enter))
        #expect(try driver.runner.screen.store.tracker(id: 21378) != nil)
        #expect(driver.lines[14].contains("Nothing was deleted"))
        driver.press(KeyPress(.delete), .char("y"))
        #expect(try driver.runner.screen.store.tracker(id: 21378) == nil && driver.runner.screen.store.tracker(id: 21379) == nil)
        #expect(driver.lines[1].hasSuffix("23 of 23 shown · 0 ticked "))
        driver.press(.char("u"))
        #expect(try driver.runner.screen.store.tracker(id: 21378) != nil && driver.runner.screen.store.tracker(id: 21379) != nil)
        #expect(driver.lines[1].hasSuffix("25 of 25 shown · 0 ticked "))
    }

    @Test func duplicateAndActivateOnTickedTrackers() throws {
        let driver = try Driver()
        driver.press(.char("D"))
        #expect(driver.lines[14].contains("Duplicated tracker 21378 as 21403"))
        #expect(try driver.runner.screen.store.tracker(id: 21403)?.name == "Copy of CLIK TRAX")
        driver.press(.char("+"))
        #expect(driver.lines[14].contains("Tracker 21378 already active"))
    }

    @Test func escapeClosesOnlyTheTopDialog() throws {
        let driver = try Driver()
        driver.press(.char("/"))
        driver.type("wonka")
        driver.press(KeyPress(.enter), .char("m"))
        #expect(driver.runner.modals.count == 1)
        driver.press(KeyPress(.escape))
        #expect(driver.runner.modals.isEmpty)
        #expect(driver.lines[1].contains("wonka"), "the filter under the menu is kept")
        driver.press(KeyPress(.escape))
        #expect(!driver.lines[1].contains("wonka"))
    }

    @Test func disabledItemsSayWhy() throws {
        let driver = try Driver(trackers: 0)
        driver.press(.char("m"), KeyPress(.enter))
        #expect(driver.runner.modals.count == 1, "a disabled item does not run")
        #expect(driver.lines[14].contains("tick a tracker or move to one first"))
        driver.press(KeyPress(.escape), .char("y"))
        #expect(driver.lines[14].contains("Copy Tags: tick a tracker or move to one first"))
    }

    @Test func theMouseOpensTheMenuAndPicksAnItem() throws {
        let driver = try Driver()
        driver.runner.dispatch(.mouse(MouseEvent(.press, x: 30, y: 1)))
        driver.runner.drawFrame()
        #expect(driver.runner.modals.count == 1)
        driver.runner.dispatch(.mouse(MouseEvent(.press, x: 30, y: 6)))  // Deactivate
        driver.runner.drawFrame()
        #expect(try state(driver, 21378) == .inactive)
    }

    @Test func helpListsEveryKeyAndFilters() throws {
        let driver = try Driver(width: 100, height: 40)
        driver.press(.char("?"))
        let screen = driver.lines.joined(separator: "\n")
        #expect(screen.contains("Keys — Esc closes") && screen.contains("Click Trackers screen") && screen.contains("Copy the tags"))
        driver.type("undo")
        let filtered = driver.lines.joined(separator: "\n")
        #expect(filtered.contains("Undo the last change made in this session") && !filtered.contains("Copy the tags"))
        driver.press(KeyPress(.escape), KeyPress(.escape))
        #expect(driver.runner.modals.isEmpty)
    }
}
