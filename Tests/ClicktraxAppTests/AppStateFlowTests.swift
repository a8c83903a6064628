import ClicktraxCore
import TerminalUI
import Testing
@testable import ClicktraxApp

/// Flows read as "this key emits that command", on `AppState` alone: no database, no terminal.
/// What the store would answer is fed back as the messages the runner would send.
@Suite struct AppStateFlowTests {
    static let tracker = Tracker(id: 7, memberId: 958, advertiserId: 1, name: "Seven", code: nil, state: .active, clickUrl: nil,
                                      lineItem: ObjectRef(id: 10, name: "Item"), publisher: ObjectRef(id: 20, name: "Pub"), tag: nil,
                                      paymentRule: nil, lastModified: "2026-12-01 10:00:00", revision: 1)

    /// A state whose table holds trackers 7, 8 and 9 (as if read).
    func loaded() -> AppState {
        var state = AppState(databaseName: "x.sqlite", width: 110, height: 34)
        let first = state.start()
        #expect(first.contains(.trackers(.countTrackers)) && !first.contains(.trackers(.readTrackerIDs(TrackerQuery()))), "\(first)")
        _ = state.update(.trackers(.trackersCounted(total: 3, databaseEmpty: false)))
        _ = state.update(.trackers(.firstTrackersRead(TrackerQuery(), [Self.tracker])))
        #expect(state.clickTrackers.countsText(short: false).hasPrefix("3 of 3 shown"), "the first frame counts them all")
        #expect(state.firstFramePainted().contains(.trackers(.readTrackerIDs(TrackerQuery()))), "every ID once the first frame is up")
        let page = state.update(.trackers(.trackerIDsRead(TrackerQuery(), [7, 8, 9])))
        #expect(page.contains(.trackers(.readTrackers(ids: [7, 8, 9], page: 0..<3))), "then the page, by ID: \(page)")
        #expect(page.contains(.trackers(.readFilterIndex(generation: 0, order: [7, 8, 9]))), "the filter's texts read ahead, prepared for the list shown")
        var trackers = [Self.tracker, Self.tracker, Self.tracker]
        trackers[1].id = 8
        trackers[2].id = 9
        #expect(state.update(.trackers(.trackersRead(page: 0..<3, trackers))).isEmpty, "a still frame reads nothing")
        return state
    }

    func key(_ press: KeyPress) -> AppMessage { .event(.key(press)) }

    @Test func enterOnCreateEmitsCreateTrackerWithTheDraft() {
        var state = loaded()
        _ = state.update(key(.char("n")))
        for character in "Made here" { _ = state.update(key(.char(character))) }
        guard case .tracker(let dialog)? = state.modals.last else { Issue.record("no dialog"); return }
        #expect(state.update(key(.ctrl("s"))) == [.trackers(.createTracker(dialog.draft))])
        #expect(dialog.draft.name == "Made here")
    }

    @Test func aSavedTrackerClosesTheDialogAndTheListIsReadAgainAroundIt() {
        var state = loaded()
        _ = state.update(key(.char("n")))
        var saved = Self.tracker
        saved.id = 42
        let commands = state.update(.trackers(.trackerSaved(saved, created: true, UndoStep("Create tracker 42", changes: [1]))))
        #expect(state.modals.isEmpty)
        #expect(commands.contains(.trackers(.readTrackerIDs(TrackerQuery()))) && commands.contains(.trackers(.countTrackers)))
        _ = state.update(.trackers(.trackerIDsRead(TrackerQuery(), [7, 8, 9, 42])))
        #expect(state.clickTrackers.currentId == 42, "the cursor is on the new tracker")
        #expect(state.history.undoable.map(\.label) == ["Create tracker 42"])
    }

    @Test func deleteAsksAndOnlyYesEmitsTheChange() {
        var state = loaded()
        #expect(state.update(key(KeyPress(.delete))).isEmpty)
        #expect(state.modals.last?.kind == .confirm)
        #expect(state.update(key(KeyPress(.enter))).isEmpty, "Enter is Cancel")
        _ = state.update(key(KeyPress(.delete)))
        #expect(state.update(key(.char("y"))) == [.trackers(.change(.delete, [7]))])
    }

    @Test func pasteIntoTheTableTypesTheFilterAndEmitsNothing() {
        var state = loaded()
        let commands = state.update(.event(.paste("xD q")))
        #expect(state.clickTrackers.filter.text == "xD q")
        // The filter's texts were asked for once the first frame was up (`loaded`).
        #expect(commands.isEmpty, "nothing a key would do: \(commands)")
    }

    @Test func escCancelsABackgroundImportAndWritesWaitForIt() {
        var state = loaded()
        _ = state.update(key(.char("I")))
        for character in "/tmp/x.csv" { _ = state.update(key(.char(character))) }
        #expect(state.update(key(KeyPress(.enter))) == [.imports(.importFiles(path: "/tmp/x.csv"))])
        _ = state.update(.imports(.importStarted(files: 1)))
        #expect(state.modals.isEmpty && state.importing != nil)
        #expect(state.update(key(.char("D"))).isEmpty, "no write while the import holds the database")
        #expect(state.toast?.message.contains("an import is running") == true)
        #expect(state.update(key(KeyPress(.escape))) == [.imports(.cancelImport)])
        _ = state.update(.imports(.importFinished(.cancelled)))
        #expect(state.importing == nil)
    }

    @Test func keysAreInertInATooSmallTerminalButCtrlCGetsOut() {
        var state = loaded()
        _ = state.update(.event(.resize(width: 40, height: 10)))
        #expect(state.update(key(KeyPress(.delete))).isEmpty && state.modals.isEmpty)
        #expect(state.update(key(.char("y"))).isEmpty)
        #expect(state.update(key(.ctrl("c"))) == [.quit])
    }

    @Test func anotherProcessesChangeReadsWhatIsShownAgain() {
        var state = loaded()
        let commands = state.update(.databaseChanged)
        #expect(commands.contains(.trackers(.countTrackers)) && commands.contains(.trackers(.readTrackerIDs(TrackerQuery()))))
    }
}
