import Foundation
import Testing
@testable import ClicktraxCore

/// Writes say what they wrote (issue 29): the trackers and the change-log entries of their own
/// transaction, so a caller never reads the log back after a commit (a read that fails there
/// once made a committed create look unsaved, and a second save duplicated it); and a step over
/// several trackers is written, undone and redone whole, or not at all.
extension StoreContractTests {
    /// The newest change-log entry of each tracker, as the log has it.
    func newestEntries(_ store: any TrackerStore, _ ids: [Int64]) throws -> [Int64] {
        try ids.map { try #require(try store.changes(trackerId: $0, limit: 1).first).sequence }
    }

    @Test(arguments: backends) func everyWriteReturnsTheEntriesItLogged(_ backend: String) throws {
        let store = try Self.open(backend)
        let created = try store.createTracker(TestCatalog.draft(name: "One"), id: nil)
        #expect(try created.changes == (newestEntries(store, [created.tracker.id])) && created.changedIds == [created.tracker.id])
        let other = try store.createTracker(TestCatalog.draft(name: "Two"), id: nil).tracker
        var draft = created.tracker.draft
        draft.name = "One, renamed"
        let updated = try store.updateTracker(id: created.tracker.id, with: draft, expectedRevision: 1)
        #expect(try updated.tracker.name == "One, renamed" && updated.changes == (newestEntries(store, [created.tracker.id])))
        let unchanged = try store.updateTracker(id: created.tracker.id, with: draft, expectedRevision: 2)
        #expect(unchanged.changes.isEmpty && unchanged.tracker.revision == 2, "nothing differs: nothing written")

        _ = try store.setState(.inactive, trackerIds: [other.id])
        let states = try store.setState(.inactive, trackerIds: [created.tracker.id, other.id])
        #expect(states.changedIds == [created.tracker.id], "the one already inactive has no entry")
        #expect(try states.changes == (newestEntries(store, [created.tracker.id])) && states.trackers.count == 2)

        let copies = try store.duplicateTrackers(ids: [created.tracker.id, other.id])
        #expect(copies.trackers.map(\.name) == ["Copy of One, renamed", "Copy of Two"])
        #expect(try copies.changes == (newestEntries(store, copies.trackers.map(\.id))))

        let deleted = try store.deleteTrackers(ids: copies.trackers.map(\.id))
        #expect(try deleted.changes == (newestEntries(store, copies.trackers.map(\.id))))
        #expect(try store.changes(trackerId: nil, limit: 1).first?.sequence == deleted.changes.last)
    }

    @Test(arguments: backends) func aDuplicateOfSeveralIsWholeOrNothing(_ backend: String) throws {
        let store = try Self.open(backend)
        let tracker = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        let before = try store.trackerCount(TrackerQuery())
        #expect(throws: ClicktraxError.self) { try store.duplicateTrackers(ids: [tracker.id, 999_999]) }
        #expect(try store.trackerCount(TrackerQuery()) == before, "the first copy was not kept")
    }

    @Test(arguments: backends) func aStepOverSeveralTrackersIsUndoneWholeOrNotAtAll(_ backend: String) throws {
        let store = try Self.open(backend)
        let a = try store.createTracker(TestCatalog.draft(name: "A"), id: nil).tracker
        let b = try store.createTracker(TestCatalog.draft(name: "B"), id: nil).tracker
        let step = try store.setState(.inactive, trackerIds: [a.id, b.id]).changes
        #expect(step.count == 2)
        // Someone edits B since: undoing the step would lose their edit, so none of it is undone.
        var theirs = try #require(try store.tracker(id: b.id))
        theirs.name = "B, theirs"
        _ = try store.updateTracker(id: b.id, with: theirs.draft, expectedRevision: theirs.revision)
        let entries = try store.changes(trackerId: nil, limit: 100).count
        #expect(throws: ClicktraxError.self) { try store.undo(changes: step) }
        #expect(try store.tracker(id: a.id)?.state == .inactive, "A was not reverted on its own")
        #expect(try store.changes(trackerId: nil, limit: 100).count == entries, "no revert was logged")

        // Without someone's edit in the way, the whole step goes back, and the reverts redo it.
        let c = try store.createTracker(TestCatalog.draft(name: "C"), id: nil).tracker
        let both = try store.setState(.inactive, trackerIds: [a.id, c.id]).changes
        #expect(both.count == 1, "A was inactive already")
        let reverts = try store.undo(changes: both)
        #expect(try store.tracker(id: c.id)?.state == .active)
        _ = try store.undo(changes: reverts.map(\.sequence))
        #expect(try store.tracker(id: c.id)?.state == .inactive)
    }
}
