import ClicktraxCore
import TerminalUI
import Testing
@testable import ClicktraxApp

/// A screen's dialogs are its own (issue 29): `m` on Click Trackers, then Alt-2, then `-` once
/// deactivated tracker 21378 — the menu came along onto Reports. Now the menu stays with its
/// screen, waits there, and Reports' keys are Reports'.
@Suite struct ScreenStackTests {
    @Test func aMenuOpenedOnClickTrackersNeverActsOnReports() throws {
        let driver = try AppDriver(width: 110, height: 34)
        driver.press(.char("m"))
        #expect(driver.modals.last?.kind == .moreActions)
        driver.press(.alt("2"))
        #expect(driver.state.shown == .reports)
        #expect(driver.modals.isEmpty, "Reports has no dialog open")
        driver.press(.char("-"))
        #expect(try driver.store.tracker(id: 21378)?.state == .active, "nothing was deactivated")
        #expect(try driver.store.changes(trackerId: nil, limit: 1).first?.action != .deactivated)
        driver.press(.alt("1"))
        #expect(driver.modals.last?.kind == .moreActions, "the menu waited on its screen")
        driver.press(KeyPress(.escape))
        #expect(driver.modals.isEmpty)
    }

    @Test func aQuestionAskedOnReportsStaysOnReports() throws {
        let driver = try AppDriver(width: 110, height: 34)
        driver.press(.alt("2"))
        driver.press(.ctrl("c"))
        #expect(driver.modals.last?.kind == .confirm)
        driver.press(.alt("1"))
        #expect(driver.modals.isEmpty, "Click Trackers has none")
        driver.press(.char("n"))
        #expect(driver.modals.last?.kind == .tracker, "Click Trackers' keys are its own")
        driver.press(KeyPress(.escape))
        driver.press(.alt("2"))
        #expect(driver.modals.last?.kind == .confirm, "the question waited on Reports")
        driver.press(.char("n"))
        #expect(driver.modals.isEmpty)
    }

    @Test func aResultForClickTrackersArrivingOnReportsWaitsForIt() throws {
        let driver = try AppDriver(width: 110, height: 34)
        driver.press(.alt("2"))
        driver.runner.commands.inbox.post(.sync(.syncFinished(.push, .failed("Invest said no"))))
        #expect(driver.waitFor { driver.text.contains("its report is on the Click Trackers screen") })
        #expect(driver.modals.isEmpty, "not drawn over Reports")
        driver.press(.alt("1"))
        #expect(driver.modals.last?.kind == .message)
    }
}
