import ClicktraxCore
import Foundation
import TerminalUI
import Testing
@testable import ClicktraxApp

/// Two operators on one database file: what one saves, the other's screen shows by itself.
@Suite struct OthersChangesTests {
    func twoStores() throws -> (mine: SQLiteStore, theirs: SQLiteStore) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("others-\(UUID().uuidString).sqlite").path
        let mine = try SQLiteStore.open(path: path)
        try mine.load { _ = try DemoCatalog(lineItemCount: 50, trackerCount: 25, seed: 1).fill($0) }
        return (mine, try SQLiteStore.open(path: path))
    }

    @Test func anotherProcessesSaveShowsWithinASecondOrTwo() throws {
        let (mine, theirs) = try twoStores()
        let driver = try AppDriver(store: mine)
        #expect(driver.lines[3].contains("CLIK TRAX"))
        let tracker = try #require(try theirs.tracker(id: 21378))
        var draft = tracker.draft
        draft.name = "Renamed by the other operator"
        _ = try theirs.updateTracker(id: 21378, with: draft, expectedRevision: tracker.revision)
        _ = try theirs.duplicateTrackers(ids: [21379])
        #expect(driver.waitFor(4) { driver.lines[3].contains("Renamed by the other") }, "\(driver.text)")
        #expect(driver.lines[1].hasSuffix("26 of 26 shown · 0 ticked "))
        #expect(driver.screen.currentId == 21378, "the cursor stayed on its tracker")
    }

    @Test func anotherConnectionsCommitMovesTheCounter() throws {
        let (mine, theirs) = try twoStores()
        let before = try mine.changeCounter()
        _ = try theirs.duplicateTrackers(ids: [21378])
        #expect(try mine.changeCounter() != before)
    }

    @Test func thisProcessesOwnSavesAreNotTakenForSomeoneElses() throws {
        let (mine, _) = try twoStores()
        let before = try mine.changeCounter()
        _ = try mine.duplicateTrackers(ids: [21378])
        #expect(try mine.changeCounter() == before)
    }
}
