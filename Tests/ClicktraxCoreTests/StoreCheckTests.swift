import Foundation
import GRDB
import Testing
@testable import ClicktraxCore

/// `clicktrax check`: quiet on a sound database, and it names what is wrong when the trackers
/// and their change log disagree.
@Suite struct StoreCheckTests {
    @Test func aSoundDatabaseHasNothingToReport() throws {
        let store = try TestCatalog.store()
        let tracker = try store.createTracker(TestCatalog.draft(name: "one"), id: nil).tracker
        var draft = tracker.draft
        draft.name = "two"
        _ = try store.updateTracker(id: tracker.id, with: draft, expectedRevision: tracker.revision)
        let other = try store.createTracker(TestCatalog.draft(name: "gone"), id: nil).tracker
        _ = try store.deleteTrackers(ids: [other.id])
        #expect(try store.check(limit: 20).isEmpty)
    }

    @Test func disagreementsWithTheChangeLogAreNamed() throws {
        let store = try TestCatalog.store()
        let edited = try store.createTracker(TestCatalog.draft(name: "edited behind the log"), id: nil).tracker
        let unlogged = try store.createTracker(TestCatalog.draft(name: "never logged"), id: nil).tracker
        let vanished = try store.createTracker(TestCatalog.draft(name: "vanished"), id: nil).tracker
        try store.writer.write { db in
            try db.execute(sql: "UPDATE click_tracker SET name = 'changed' WHERE id = ?", arguments: [edited.id])
            try db.execute(sql: "DELETE FROM tracker_change WHERE tracker_id = ?", arguments: [unlogged.id])
            try db.execute(sql: "DELETE FROM click_tracker WHERE id = ?", arguments: [vanished.id])
        }
        let problems = try store.check(limit: 20)
        #expect(problems.contains("change log: tracker \(edited.id) is at revision 1, the log last left it at revision 1 with other fields"))
        #expect(problems.contains("change log: tracker \(unlogged.id) exists, but its last logged change is missing"))
        #expect(problems.contains { $0.hasPrefix("change log: tracker \(vanished.id) is missing, but its last logged change") })
        #expect(problems.count == 3, "\(problems)")
    }
}
