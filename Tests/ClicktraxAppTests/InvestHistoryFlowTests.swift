import ClicktraxCore
import Foundation
import TerminalUI
import Testing
@testable import ClicktraxApp

/// History and taking Invest's copy in a connected database, on a real store (issue 27, points 5
/// and 8): after a push the undo labels speak the ids Invest gave, undoing a pushed create asks
/// first, and a pending, refused or never-pushed tracker can go back to Invest's copy from the UI.
@Suite struct InvestHistoryFlowTests {
    static let investId: Int64 = 5000

    /// Duplicates the current tracker (a provisional id in a connected database), then plays a
    /// push that Invest answered with `investId`: the store as the push leaves it, and the outcome
    /// as the UI hears it.
    func duplicateAndPush(_ driver: AppDriver) throws -> (original: Int64, provisional: Int64) {
        try driver.connect()
        driver.press(.ctrl("l"))
        let original = try require_(driver.screen.currentId)
        driver.press(.char("D"))
        let copy = try require_(driver.store.trackers(TrackerQuery()).map(\.id).max())
        #expect(InvestIDs.isProvisional(copy), "a tracker made in a connected database waits for Invest's id")
        var onInvest = try require_(driver.store.tracker(id: copy))
        onInvest.id = Self.investId
        _ = try driver.store.recordPushed(localId: copy, invest: onInvest, sentRevision: nil)
        let result = InvestPush.Result(kind: .click, action: .create, trackerId: copy, investId: Self.investId, name: onInvest.name, outcome: .pushed)
        driver.runner.commands.inbox.post(.sync(.syncFinished(.push, .pushed([result]))))
        #expect(driver.waitFor { driver.modals.last?.kind == .message })
        driver.press(KeyPress(.escape))
        return (original, copy)
    }

    @Test func afterAPushTheUndoLabelSpeaksInvestsIdAndUndoingTheCreateAsksFirst() throws {
        let driver = try AppDriver(width: 110, height: 34)
        let (original, provisional) = try duplicateAndPush(driver)
        driver.press(.char("m"))
        #expect(driver.text.contains("Undo: Duplicate tracker \(original) as \(Self.investId)"), "\(driver.text)")
        #expect(!driver.lines.contains { $0.contains("Undo:") && $0.contains(String(provisional)) })
        driver.press(KeyPress(.escape))

        driver.press(.char("u"))
        #expect(driver.modals.last?.kind == .confirm)
        #expect(question(driver).contains("Tracker \(Self.investId) is on Invest: undoing deletes it on Invest at the next push"),
                "\(question(driver))")
        driver.press(.char("n"))
        #expect(driver.text.contains("Nothing was undone"))
        #expect(try driver.store.tracker(id: Self.investId) != nil, "no answer, no undo")
        #expect(driver.state.history.undoable.last?.label == "Duplicate tracker \(original) as \(Self.investId)", "the step waits")

        driver.press(.char("u"))
        driver.press(.char("y"))
        #expect(driver.text.contains("Undid: Duplicate tracker \(original) as \(Self.investId)"), "\(driver.text)")
        #expect(try driver.store.tracker(id: Self.investId) == nil)
        #expect(try driver.store.pendingChanges().contains { $0.trackerId == Self.investId && $0.action == .delete },
                "the next push deletes it on Invest")
    }

    @Test func undoingAnEditOfAPushedTrackerDoesNotAsk() throws {
        let driver = try AppDriver(width: 110, height: 34)
        _ = try duplicateAndPush(driver)
        driver.press(.char("-"))
        driver.press(.char("u"))
        #expect(driver.modals.isEmpty, "only a create's undo deletes on Invest")
        #expect(driver.text.contains("Undid:"))
    }

    /// The question the confirmation on top asks.
    func question(_ driver: AppDriver) -> String {
        guard case .confirm(let dialog)? = driver.modals.last else { return "(no confirmation open)" }
        return dialog.message
    }

    /// Moves the menu's focus to Take Invest's Copy (the last item: it is never where the focus
    /// starts) and runs it.
    func takeInvestsCopy(_ driver: AppDriver) {
        driver.press(.char("m"))
        driver.press(KeyPress(.up))
        driver.press(KeyPress(.enter))
    }

    @Test func takeInvestsCopyDropsAnEditAndUndoBringsItBack() throws {
        let driver = try AppDriver(width: 110, height: 34)
        try driver.connect()
        driver.press(.ctrl("l"))
        let tracker = try require_(driver.screen.currentId.flatMap { try driver.store.tracker(id: $0) })
        // Invest has it as it is; then it is renamed here (pending) and Invest refuses the name.
        _ = try driver.store.recordPushed(localId: tracker.id, invest: tracker, sentRevision: nil)
        var draft = tracker.draft
        draft.name = "Renamed here"
        let renamed = try driver.store.updateTracker(id: tracker.id, with: draft, expectedRevision: try require_(driver.store.tracker(id: tracker.id)).revision).tracker
        try driver.store.recordRefusal(id: tracker.id, message: "name: already used")
        driver.press(.ctrl("l"))
        #expect(driver.text.contains("* Renamed here"), "\(driver.text)")

        takeInvestsCopy(driver)
        #expect(driver.modals.last?.kind == .confirm)
        #expect(question(driver).hasPrefix("Drop the changes made here to tracker \(tracker.id) and take Invest's copy?"))
        driver.press(.char("y"))
        #expect(try driver.store.tracker(id: tracker.id)?.name == tracker.name)
        #expect(try driver.store.pendingChanges().isEmpty, "nothing waits, the refusal went with the change")
        #expect(driver.text.contains("Took Invest's copy of tracker \(tracker.id)"), "\(driver.text)")

        driver.press(.char("m"))
        driver.press(KeyPress(.up))
        guard case .moreActions(let menu)? = driver.modals.last else { Issue.record("the menu"); return }
        #expect(menu.items.last?.disabledReason?.contains("as Invest has it (nothing pending, refused or conflicting)") == true,
                "disabled now, and says why")
        driver.press(KeyPress(.escape))

        driver.press(.char("u"))
        #expect(try driver.store.tracker(id: tracker.id)?.name == renamed.name, "undo puts the change made here back")
    }

    @Test func takeInvestsCopyOfATrackerNeverPushedSaysItIsRemoved() throws {
        let driver = try AppDriver(width: 110, height: 34)
        try driver.connect()
        driver.press(.ctrl("l"))
        driver.press(.char("D"))
        let copy = try require_(driver.screen.currentId)
        #expect(InvestIDs.isProvisional(copy))
        takeInvestsCopy(driver)
        #expect(question(driver).contains("was never pushed: Invest has no copy, so it is removed"), "\(question(driver))")
        driver.press(.char("n"))
        #expect(try driver.store.tracker(id: copy) != nil)
        takeInvestsCopy(driver)
        driver.press(.char("y"))
        #expect(try driver.store.tracker(id: copy) == nil)
        #expect(driver.text.contains("Removed tracker \(copy) never pushed"), "\(driver.text)")
    }
}
