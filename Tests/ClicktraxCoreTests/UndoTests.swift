import Testing
@testable import ClicktraxCore

@Suite struct UndoTests {
    func lastSequence(_ store: SQLiteStore) throws -> Int64 { try store.changes(trackerId: nil, limit: 1)[0].sequence }

    @Test func undoingADeleteBringsTheTrackerBackUnderItsId() throws {
        let store = try TestCatalog.store()
        var draft = TestCatalog.draft()
        draft.code = "KEEP-1"
        let created = try store.createTracker(draft, id: 777).tracker
        _ = try store.deleteTrackers(ids: [777])
        let revert = try store.undo(change: try lastSequence(store))
        #expect(revert.action == .created)
        let back = try #require(try store.tracker(id: 777))
        #expect(back.draft == created.draft && back.revision == 2)
    }

    @Test func undoingAnEditOrAStateChangePutsTheFieldsBack() throws {
        let store = try TestCatalog.store()
        let created = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        var edit = created.draft
        edit.name = "Edited"
        edit.placementId = nil
        _ = try store.updateTracker(id: created.id, with: edit, expectedRevision: 1)
        #expect(try store.undo(change: try lastSequence(store)).action == .updated)
        #expect(try store.tracker(id: created.id)?.draft == created.draft)
        _ = try store.setState(.inactive, trackerIds: [created.id])
        #expect(try store.undo(change: try lastSequence(store)).action == .activated)
        #expect(try store.tracker(id: created.id)?.state == .active)
    }

    @Test func undoingACreateDeletesIt() throws {
        let store = try TestCatalog.store()
        let created = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        #expect(try store.undo(change: try lastSequence(store)).action == .deleted)
        #expect(try store.tracker(id: created.id) == nil)
    }

    @Test func aChangeMadeSinceBlocksTheUndo() throws {
        let store = try TestCatalog.store()
        let created = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        var edit = created.draft
        edit.name = "Mine"
        _ = try store.updateTracker(id: created.id, with: edit, expectedRevision: 1)
        let mine = try lastSequence(store)
        edit.name = "Someone else's"
        _ = try store.updateTracker(id: created.id, with: edit, expectedRevision: 2)
        #expect(throws: ClicktraxError.self) { try store.undo(change: mine) }
        #expect(try store.tracker(id: created.id)?.name == "Someone else's")
        #expect(throws: ClicktraxError.self) { try store.undo(change: 9999) }
    }

    @Test func duplicatesAreCopiesWithoutTheCode() throws {
        let store = try TestCatalog.store()
        var draft = TestCatalog.draft(name: String(repeating: "n", count: 255))
        draft.code = "UNIQUE"
        let original = try store.createTracker(draft, id: nil).tracker
        let copy = try #require(try store.duplicateTrackers(ids: [original.id]).trackers.first)
        #expect(copy.id != original.id && copy.code == nil && copy.name.hasPrefix("Copy of nnn") && copy.name.count == 255)
        #expect(copy.tag == original.tag && copy.paymentRule == original.paymentRule && copy.lineItem == original.lineItem)
    }
}
