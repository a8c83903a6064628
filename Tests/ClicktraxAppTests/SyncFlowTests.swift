import ClicktraxCore
import TerminalUI
import Testing
@testable import ClicktraxApp

/// Pull and Push from the UI, read as flows on `AppState` (no network, no database), and the
/// conflict dialog against a real store.
@Suite struct SyncFlowTests {
    static let connection = InvestConnection(api: "https://api.appnexus.com", username: "ops@example.com", memberId: 958,
                                             lastPull: "2026-12-01 09:30:00", mark: "2026-12-01 09:20:00")

    func loaded(_ status: SyncStatus) -> AppState {
        var state = AppState(databaseName: "x.sqlite", width: 110, height: 34)
        #expect(state.start().contains(.sync(.readSyncStatus)), "the first frame asks what is pending")
        _ = state.update(.trackers(.trackersCounted(total: 1, databaseEmpty: false)))
        _ = state.firstFramePainted()
        _ = state.update(.trackers(.trackerIDsRead(TrackerQuery(), [7])))
        _ = state.update(.trackers(.trackersRead(page: 0..<1, [AppStateFlowTests.tracker])))
        _ = state.update(.sync(.syncStatusRead(status, impressions: SyncStatus(connection: status.connection))))
        return state
    }

    func key(_ press: KeyPress) -> AppMessage { .event(.key(press)) }

    func menuItem(_ state: AppState, _ action: MoreAction) -> Binding<MoreAction>? {
        guard case .moreActions(let menu)? = state.modals.last else { return nil }
        return menu.items.first { $0.action == action }
    }

    @Test func aStandaloneDatabaseSaysWhyPullAndPushCannotRun() {
        var state = loaded(SyncStatus())
        _ = state.update(key(.char("m")))
        #expect(menuItem(state, .pull)?.disabledReason?.contains("clicktrax invest login") == true)
        #expect(menuItem(state, .push)?.disabledReason?.contains("not connected") == true)
        #expect(!state.text.split(separator: "\n")[0].contains("Invest"), "no connection in the title bar")
    }

    @Test func pushRunsInTheBackgroundWithProgressAndEndsInASummary() {
        var state = loaded(SyncStatus(connection: Self.connection, pending: [7: .update]))
        var buffer = ScreenBuffer(width: 110, height: 34)
        state.render(into: &buffer, theme: .builtinDefault)
        #expect(buffer.lines[0].contains("Invest member 958 · 1 pending (*) · pulled 09:30 UTC"))
        #expect(buffer.lines.contains { $0.contains("* Seven") }, "the pending row is marked")
        #expect(state.update(.event(.key(.char("m")))).isEmpty)
        #expect(menuItem(state, .push) != nil && menuItem(state, .push)?.disabledReason == nil)
        #expect(state.perform(.trackers(.run(.push))) == [.sync(.runSync(.push))])
        #expect(state.perform(.trackers(.run(.pull))).isEmpty, "one at a time")
        #expect(state.toast?.message.contains("a push is running") == true)
        for _ in 0..<50 { _ = state.update(.tick) }
        var progress = SyncRun(kind: .push)
        progress.pages = 3
        progress.note = "Invest is throttling clicktracker: waiting 9 s"
        _ = state.update(.sync(.syncProgress(progress)))
        // Keys stay live meanwhile.
        _ = state.update(key(.char("?")))
        #expect(state.modals.last?.kind == .help)
        _ = state.update(key(KeyPress(.escape)))
        buffer = ScreenBuffer(width: 110, height: 34)
        state.render(into: &buffer, theme: .builtinDefault)
        #expect(buffer.lines[33].contains("Pushing to Invest in the background: 3 pages"))
        #expect(buffer.lines[33].contains("waiting 9 s"))
        let results = [InvestPush.Result(kind: .click, action: .create, trackerId: 1_000_000_000_001, investId: 5000, name: "New", outcome: .pushed),
                       InvestPush.Result(kind: .click, action: .update, trackerId: 7, investId: nil, name: "Seven", outcome: .refused("name taken"))]
        let after = state.update(.sync(.syncFinished(.push, .pushed(results))))
        #expect(after.contains(.sync(.readSyncStatus)), "what is pending is read again")
        guard case .message(let message)? = state.modals.last else { Issue.record("a summary"); return }
        #expect(message.lines == ["1 of 2 pushed.", "pushed: create 1000000000001 “New” → Invest id 5000",
                                  "refused: update 7 “Seven”: name taken"])
        #expect(message.isError)
        #expect(state.syncRun == nil)
    }

    @Test func enterOnAConflictingTrackerAsksForBothVersions() {
        var state = loaded(SyncStatus(connection: Self.connection, conflicts: [7]))
        #expect(state.update(key(KeyPress(.enter))) == [.sync(.readConflict(7))])
        var theirs = AppStateFlowTests.tracker
        theirs.name = "Theirs"
        _ = state.update(.sync(.conflictRead(7, InvestConflict(trackerId: 7, mine: AppStateFlowTests.tracker, theirs: theirs,
                                                         reason: "changed here and on Invest", foundAt: "2026-12-01 10:00:00"))))
        #expect(state.modals.last?.kind == .conflict)
        #expect(state.update(key(KeyPress(.enter))).isEmpty, "Cancel has the focus")
        #expect(state.modals.isEmpty)
    }

    @Test func keepTheirsInTheDialogTakesInvestsVersion() throws {
        let driver = try AppDriver(width: 110, height: 34)
        try driver.makeConflict(theirsName: "Renamed on Invest")
        #expect(driver.text.contains("! CLIK TRAX"))
        driver.press(KeyPress(.enter))
        #expect(driver.modals.last?.kind == .conflict)
        driver.press(.char("t"))
        #expect(driver.text.contains("took Invest's version"), "\(driver.text)")
        #expect(try driver.store.tracker(id: 21378)?.name == "Renamed on Invest")
        #expect(try driver.store.conflicts().isEmpty)
        #expect(!driver.text.contains("! "), "no longer marked")
        #expect(try driver.store.check(limit: 5).isEmpty)
    }
}

extension AppState {
    /// The frame's text, for a quick look in a test.
    var text: String {
        var buffer = ScreenBuffer(width: layout.bounds.width, height: layout.bounds.height)
        render(into: &buffer, theme: .builtinDefault)
        return buffer.lines.joined(separator: "\n")
    }
}
