import ClicktraxCore
import Foundation
import TerminalUI
import Testing
@testable import ClicktraxApp

/// The Impression Trackers screen (RULES.md §12): Alt-3, the Click Trackers screen given the other
/// kind — its own cursor, dialogs and undo; the dialog Create New Impression Tracker with the same
/// pickers and no landing page; tags at `imptr`; its own marks and conflicts with Invest.
@Suite struct ImpressionTrackersScreenTests {
    @Test func altThreeShowsTheImpressionTrackers() throws {
        let driver = try AppDriver(width: 140, height: 24)
        driver.openImpressions()
        let lines = driver.lines
        #expect(lines[0].hasPrefix(" Clicktrax  Creative › Impression Trackers"), "\(lines[0])")
        #expect(lines[1].hasPrefix(" [ Create Imp Tracker ]  [ More Actions ▾ ]"), "\(lines[1])")
        #expect(lines[1].contains("6 of 6 shown"), "\(lines[1])")
        #expect(!lines[2].contains("Landing Page") && !lines[2].contains("Clicks"), "\(lines[2])")
        #expect(driver.text.contains("1425") && driver.text.contains("Test Impression Tracker"))
        #expect(!driver.text.contains("CLIK TRAX"), "no click tracker on it")
    }

    /// Create New Impression Tracker: Imp Tracker Details, Advanced Options fold the Code only,
    /// the same pickers; saved as an impression tracker, undone on this screen only.
    @Test func createPickSaveAndUndoHere() throws {
        let driver = try AppDriver(width: 140, height: 30)
        driver.openImpressions()
        driver.press(.char("n"))
        #expect(driver.text.contains("Create New Impression Tracker") && driver.text.contains("Imp Tracker Details"))
        #expect(!driver.text.contains("Landing Page"), "\(driver.text)")
        driver.type("Homepage pixel")
        driver.focus(.lineItem)
        driver.press(KeyPress(.enter))
        driver.type("wonka")
        driver.waitFor { driver.text.contains("Wonka") }
        driver.press(KeyPress(.enter))
        driver.press(KeyPress(.enter))    // the publisher picker opens next
        driver.waitFor { if case .picker? = driver.modals.last { true } else { false } }
        driver.press(KeyPress(.enter))
        driver.press(.ctrl("s"))
        driver.waitFor { driver.text.contains("Created impression tracker") }
        let saved = try driver.store.scoped(to: .impression).trackers(TrackerQuery(search: "Homepage pixel"))
        #expect(saved.count == 1 && saved[0].kind == .impression && saved[0].clickUrl == nil)
        #expect(try driver.store.trackers(TrackerQuery(search: "Homepage pixel")).isEmpty, "not a click tracker")
        // Undo on Click Trackers has nothing of it; on Impression Trackers it undoes the create.
        driver.press(.alt("1"))
        driver.press(.char("u"))
        #expect(driver.text.contains("Undo: nothing done in this session yet"), "\(driver.text)")
        driver.press(.alt("3"))
        driver.press(.char("u"))
        driver.waitFor { driver.text.contains("Undid: Create impression tracker") }
        #expect(try driver.store.scoped(to: .impression).trackers(TrackerQuery(search: "Homepage pixel")).isEmpty)
    }

    /// Each screen keeps its own dialog: a menu opened here stays here.
    @Test func dialogsStayOnTheirScreen() throws {
        let driver = try AppDriver(width: 140, height: 30)
        driver.openImpressions()
        driver.press(.char("m"))
        #expect(driver.text.contains("Export Tags…"))
        driver.press(.alt("1"))
        #expect(!driver.text.contains("Export Tags…") && driver.text.contains("CLIK TRAX"), "\(driver.text)")
        driver.press(.alt("3"))
        #expect(driver.text.contains("Export Tags…"), "the menu is where it was left")
    }

    @Test func theExportIsAnImpressionTag() throws {
        let driver = try AppDriver(width: 140, height: 34)
        driver.openImpressions()
        driver.press(.char("x"))
        driver.waitFor { if case .export? = driver.modals.last { true } else { false } }
        let text = driver.text
        #expect(text.contains("Export Tags — impression tracker 1425"), "\(text)")
        #expect(text.contains("(•) JavaScript tag  ( ) Secure pixel  ( ) URL") && !text.contains("Link"), "\(text)")
        #expect(text.contains("<!-- Imp Tracker - Test Impression Tracker - DO NOT MODIFY -->"), "\(text)")
        #expect(text.contains("https://ib.adnxs.com/imptr?id=1425"), "\(text)")
    }

    @Test func pullAndPushSayWhyTheyCannotRunInADatabaseNotConnected() throws {
        let driver = try AppDriver(width: 140, height: 30)
        driver.openImpressions()
        driver.press(.char("m"))
        guard case .moreActions(let menu)? = driver.modals.last else { Issue.record("no menu: \(driver.text)"); return }
        func reason(_ action: MoreAction) -> String? { menu.items.first { $0.action == action }?.disabledReason }
        for action in [MoreAction.pull, .push, .takeInvests] {
            #expect(reason(action)?.contains("not connected to Invest") == true, "\(action): \(reason(action) ?? "nil")")
        }
        for action in [MoreAction.exportTags, .duplicate] {
            #expect(menu.items.contains { $0.action == action } && reason(action) == nil, "\(action): \(reason(action) ?? "enabled")")
        }
    }
}

extension ImpressionTrackersScreenTests {
    /// Quitting from Click Trackers while a new impression tracker has typing in it says so.
    @Test func quittingSeesTypingOnTheOtherTrackersScreen() throws {
        let driver = try AppDriver(width: 140, height: 30)
        driver.openImpressions()
        driver.press(.char("n"))
        driver.type("Half typed")
        driver.press(KeyPress(.tab))   // off the text field: there Alt-1 is text
        driver.press(.alt("1"))
        #expect(driver.text.contains("CLIK TRAX"), "on Click Trackers: \(driver.text)")
        driver.press(.char("q"))
        #expect(driver.text.contains("The tracker you are editing is not saved"), "\(driver.text)")
    }
}

extension ImpressionTrackersScreenTests {
    /// A copy started on Impression Trackers is stopped by Esc on Click Trackers: one helper runs
    /// for the app, whichever screen started it.
    @Test func escStopsAHelperStartedOnTheOtherScreen() throws {
        let driver = try AppDriver(width: 140, height: 30, copyHelper: ["/bin/sleep", "30"])
        driver.openImpressions()
        driver.sendAndGoOn(.key(.char("y")))
        #expect(driver.state.helperRunning?.hasPrefix("Copying with /bin/sleep") == true, "\(driver.text)")
        driver.sendAndGoOn(.key(.alt("1")))
        driver.sendAndGoOn(.key(KeyPress(.escape)))
        // The helper sleeps 30 s: over within the wait only because Esc killed it.
        #expect(driver.waitFor(10) { driver.state.helperRunning == nil }, "stopped")
    }
}

extension ImpressionTrackersScreenTests {
    /// An impression tracker changed here and on Invest: marked on this screen only (the click
    /// tracker of the same id is not), the title bar counts it here, Enter shows both versions,
    /// and keeping Invest's settles it in the impression trackers' tables.
    @Test func aConflictingImpressionTrackerIsMarkedAndSettledHere() throws {
        let driver = try AppDriver(width: 140, height: 30)
        try driver.connect()
        let impressions = driver.store.scoped(to: .impression)
        var theirs = try require_(impressions.tracker(id: 1425))
        theirs.name = "Renamed on Invest"
        theirs.lastModified = "2026-12-01 10:00:00"
        try impressions.recordConflict(id: 1425, theirs: theirs, reason: "changed here and on Invest")
        driver.press(.ctrl("l"))
        driver.openImpressions()
        driver.waitFor { driver.text.contains("! Test Impression Tracker") }
        #expect(driver.text.contains("! Test Impression Tracker"), "\(driver.text)")
        #expect(driver.lines[0].contains("1 conflict (!)"), "\(driver.lines[0])")
        driver.press(.alt("1"))
        #expect(!driver.text.contains("! ") && !driver.lines[0].contains("conflict"), "\(driver.text)")
        driver.press(.alt("3"))
        driver.press(KeyPress(.enter))
        #expect(driver.modals.last?.kind == .conflict, "\(driver.text)")
        #expect(driver.text.contains("Renamed on Invest"), "\(driver.text)")
        driver.press(.char("t"))
        #expect(driver.text.contains("Impression tracker 1425: took Invest's version"), "\(driver.text)")
        #expect(try impressions.tracker(id: 1425)?.name == "Renamed on Invest")
        #expect(try impressions.conflicts().isEmpty)
        #expect(try driver.store.tracker(id: 1425)?.name != "Renamed on Invest", "the click tracker of the same id is untouched")
        #expect(try driver.store.check(limit: 5).isEmpty)
    }
}

extension ImpressionTrackersScreenTests {
    /// A push started on Impression Trackers reports there: the operator is not sent to another
    /// screen for the outcome. The push itself runs on a task (no Invest session here): its end is
    /// posted as the task would post it, so the test does not wait on a busy test run's task pool.
    @Test func aPushStartedHereReportsHere() throws {
        let driver = try AppDriver(width: 140, height: 30)
        try driver.connect()
        let impressions = driver.store.scoped(to: .impression)
        let first = try #require(impressions.trackers(TrackerQuery()).first)
        _ = try impressions.createTracker(TrackerDraft(name: "Made here", lineItemId: first.lineItem.id, publisherId: first.publisher.id), id: nil)
        driver.press(.ctrl("l"))
        driver.openImpressions()
        driver.waitFor { driver.text.contains("* Made here") }
        #expect(driver.lines[0].contains("1 pending (*)"), "\(driver.lines[0])")
        driver.press(.char("m"))
        guard case .moreActions(let menu)? = driver.modals.last else { Issue.record("no menu: \(driver.text)"); return }
        let push = try #require(menu.items.first { $0.action == .push }, "a Push item")
        #expect(push.disabledReason == nil, "\(push.disabledReason ?? "")")
        driver.press(KeyPress(.escape))
        driver.runner.commands.inbox.post(.sync(.syncFinished(.push, .failed("this database has no Invest session"))))
        driver.waitFor { driver.text.contains("Push failed") }
        #expect(driver.state.shown == .impressionTrackers && driver.text.contains("Push failed"), "\(driver.text)")
        #expect(driver.state.impressions?.modals.last?.kind == .message)
        #expect(driver.state.trackers.modals.isEmpty, "not over Click Trackers")
    }
}
