import Foundation
import GRDB
import Testing
@testable import ClicktraxCore

@Suite struct SQLiteStoreTests {
    @Test func createsThePrivateFileAndFolderAndMigrates() throws {
        let path = TestCatalog.temporaryPath()
        let store = try SQLiteStore.open(path: path)
        try TestCatalog.fill(store)
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        let (journal, foreignKeys, migrations) = try store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try SchemaMigrations.migrator.appliedIdentifiers(db))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        #expect(Set(migrations) == ["v1: catalog, trackers, change log", "v2: line item search index", "v3: Invest sync state, outbox and pull staging", "v4: clicks and their rollups", "v5: click cost in billionths",
                                   "v6: Invest's values kept as Invest has them", "v7: line items renamed since the search index was built",
                                   "v8: the revision a push sent, and code clashes", "v9: line items found by the start of their code", "v10: impression trackers",
                                   "v11: impression trackers synced, external impressions by the hour"])
        // Reopening an up-to-date file migrates nothing and keeps the data.
        let reopened = try SQLiteStore.open(path: path)
        #expect(try reopened.counts().publishers == 2)
    }

    @Test func clicksStoredWithRealCostsAreMigratedToExactBillionths() throws {
        let path = TestCatalog.temporaryPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try SchemaMigrations.migrator.migrate(queue, upTo: "v4: clicks and their rollups")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO click_source (id, tracker_id, site_domain) VALUES (1, 7, 'news.example')")
            try db.execute(sql: """
                INSERT INTO click (at, click_key, source_id, media_cost) VALUES
                    (1800000000, 5, 1, 0.3889), (1800000001, -1, 1, 0.000000001), (1800000002, 6, 1, 1234567.123456789)
                """)
        }
        try queue.close()
        let store = try SQLiteStore.open(path: path)
        let (costs, shown, auctions) = try store.writer.read { db in
            (try Int64.fetchAll(db, sql: "SELECT media_cost_billionths FROM click ORDER BY at"),
             try Double.fetchAll(db, sql: "SELECT media_cost FROM click_detail ORDER BY at"),
             try Int64?.fetchAll(db, sql: "SELECT auction_id FROM click_detail ORDER BY at"))
        }
        #expect(costs == [388_900_000, 1, 1_234_567_123_456_789])
        #expect(shown == [0.3889, 0.000000001, 1234567.123456789])
        #expect(auctions == [5, nil, 6])
    }

    @Test func aDatabaseFromANewerVersionIsRefused() throws {
        let path = TestCatalog.temporaryPath()
        _ = try SQLiteStore.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
        #expect(throws: ClicktraxError.self) { try SQLiteStore.open(path: path) }
        do { _ = try SQLiteStore.open(path: path) } catch let error as ClicktraxError {
            #expect(error.description.contains("newer Clicktrax"))
            #expect(error.exitCode == 1)
        }
    }

    @Test func aFileThatIsNotADatabaseIsNamed() throws {
        let path = TestCatalog.temporaryPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "hello, not a database, but long enough to have a header of sorts\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try SQLiteStore.open(path: path)
            Issue.record("opening a text file must fail")
        } catch let error as ClicktraxError {
            #expect(error.description.hasPrefix(path + ": not a Clicktrax database"))
            #expect(error.exitCode == 1, "a file that cannot be used is an operational failure (issue 15)")
        }
    }

    @Test func createStoresEveryFieldAndNestsNames() throws {
        let store = try TestCatalog.store()
        var draft = TestCatalog.draft(name: "  Homepage clicks  ")
        draft.code = "HP-1"
        draft.clickUrl = "https://wonka.example/holiday"
        let created = try store.createTracker(draft, id: nil).tracker
        #expect(created.name == "Homepage clicks")
        #expect(created.lineItem == ObjectRef(id: TestCatalog.lineItem, name: "Wonka Holiday 2026 – JP"))
        #expect(created.publisher.name == "The Daily Planet")
        #expect(created.tag?.name == "Homepage")
        #expect(created.paymentRule?.name == "70% Rev Share")
        #expect(created.advertiserId == 1)
        #expect(created.revision == 1)
        #expect(created.lastModified.count == 19)
        #expect(try store.tracker(id: created.id) == created)
    }

    /// Found by scripts/concurrency: deleting the newest tracker and creating another gave the
    /// new one the deleted one's id, so tags exported for the old tracker would count for it.
    @Test func aDeletedTrackersIdIsNeverGivenAgain() throws {
        let store = try TestCatalog.store()
        let first = try store.createTracker(TestCatalog.draft(name: "one"), id: nil).tracker
        _ = try store.deleteTrackers(ids: [first.id])
        let second = try store.createTracker(TestCatalog.draft(name: "two"), id: nil).tracker
        #expect(second.id == first.id + 1)
        _ = try store.deleteTrackers(ids: [second.id])
        let copy = try store.duplicateTrackers(ids: [try store.createTracker(TestCatalog.draft(name: "three"), id: nil).tracker.id]).trackers
        #expect(copy.map(\.id) == [second.id + 2])
    }

    @Test func createWithAnIdMirrorsInvestAndRefusesATakenId() throws {
        let store = try TestCatalog.store()
        let mirrored = try store.createTracker(TestCatalog.draft(), id: 1425).tracker
        #expect(mirrored.id == 1425)
        let next = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        #expect(next.id == 1426)
        #expect(throws: ClicktraxError.self) { try store.createTracker(TestCatalog.draft(), id: 1425).tracker }
    }

    @Test func aPlacementOrPaymentRuleOfAnotherPublisherIsRefused() throws {
        let store = try TestCatalog.store()
        var draft = TestCatalog.draft()
        draft.placementId = TestCatalog.placementB
        draft.paymentRuleId = TestCatalog.ruleB
        do {
            _ = try store.createTracker(draft, id: nil)
            Issue.record("must be refused")
        } catch ClicktraxError.invalid(let issues) {
            #expect(issues.map(\.field) == [.placement, .paymentRule])
            #expect(issues[0].message.contains("belongs to publisher 20"))
        }
        #expect(try store.counts().trackers == 0)
    }

    @Test func theDatabaseItselfRefusesAMismatchedPlacement() throws {
        // Defence in depth: even SQL that skips the validator cannot break the rule.
        let store = try TestCatalog.store()
        let created = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: "UPDATE click_tracker SET placement_id = ? WHERE id = ?", arguments: [TestCatalog.placementB, created.id])
            }
        }
    }

    @Test func unknownReferencesAreNamed() throws {
        let store = try TestCatalog.store()
        let draft = TrackerDraft(name: "x", lineItemId: 9, publisherId: 8, placementId: 7, paymentRuleId: 6)
        do {
            _ = try store.createTracker(draft, id: nil)
            Issue.record("must be refused")
        } catch ClicktraxError.invalid(let issues) {
            #expect(issues.map(\.description) == [
                "Line Item: no line item with ID 9", "Publisher: no publisher with ID 8",
                "Placement: no placement with ID 7", "Payment Rule: no payment rule with ID 6",
            ])
        }
    }

    @Test func codesAreUniqueWhateverTheirCase() throws {
        let store = try TestCatalog.store()
        var draft = TestCatalog.draft()
        draft.code = "Promo-1"
        let first = try store.createTracker(draft, id: nil).tracker
        draft.code = "PROMO-1"
        #expect(throws: ClicktraxError.self) { try store.createTracker(draft, id: nil).tracker }
        // Saving the holder itself with its own code is fine.
        var same = first.draft
        same.name = "Renamed"
        #expect(try store.updateTracker(id: first.id, with: same, expectedRevision: 1).tracker.code == "Promo-1")
    }

    @Test func aSaveOverSomeoneElsesChangeIsRefusedAndTheirEditSurvives() throws {
        let store = try TestCatalog.store()
        let original = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        var mine = original.draft
        mine.name = "Mine"
        var theirs = original.draft
        theirs.name = "Theirs"
        _ = try store.updateTracker(id: original.id, with: theirs, expectedRevision: original.revision)
        do {
            _ = try store.updateTracker(id: original.id, with: mine, expectedRevision: original.revision)
            Issue.record("a stale save must be refused")
        } catch let error as ClicktraxError {
            guard case .conflict = error else { Issue.record("expected a conflict, got \(error)"); return }
            #expect(error.description.contains("revision 1 → 2"))
        }
        #expect(try store.tracker(id: original.id)?.name == "Theirs")
        #expect(try store.changes(trackerId: original.id, limit: 10).map(\.action) == [.updated, .created])
    }

    @Test func theChangeLogHoldsBeforeAndAfterOfEveryChange() throws {
        let store = try TestCatalog.store()
        let created = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        var edit = created.draft
        edit.clickUrl = "https://example.com/x"
        let updated = try store.updateTracker(id: created.id, with: edit, expectedRevision: 1).tracker
        let deactivated = try store.setState(.inactive, trackerIds: [created.id]).trackers
        _ = try store.setState(.inactive, trackerIds: [created.id]).trackers // already inactive: no change, no entry
        _ = try store.setState(.active, trackerIds: [created.id])
        let deleted = try store.deleteTrackers(ids: [created.id]).trackers

        let log = try store.changes(trackerId: nil, limit: 100).reversed().map { $0 }
        #expect(log.map(\.action) == [.created, .updated, .deactivated, .activated, .deleted])
        #expect(log[0].before == nil && log[0].after == created)
        #expect(log[1].before == created && log[1].after == updated)
        #expect(log[2].after == deactivated[0])
        #expect(log[4].before?.revision == 4 && log[4].after == nil)
        #expect(deleted[0].state == .active)
        #expect(try store.tracker(id: created.id) == nil)
        #expect(log.allSatisfy { $0.actor.contains("pid \(ProcessInfo.processInfo.processIdentifier)") })
    }

    @Test func stateChangesAndDeletesAreAllOrNothing() throws {
        let store = try TestCatalog.store()
        let created = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        #expect(throws: ClicktraxError.notFound(kind: "click tracker", id: 999)) {
            try store.deleteTrackers(ids: [created.id, 999]).trackers
        }
        #expect(throws: ClicktraxError.self) { try store.setState(.inactive, trackerIds: [created.id, 999]).trackers }
        #expect(try store.tracker(id: created.id)?.state == .active)
        #expect(try store.changes(trackerId: nil, limit: 10).count == 1)
    }

    @Test func aFailedLoadWritesNothing() throws {
        let store = try TestCatalog.store()
        let before = try store.counts()
        #expect(throws: (any Error).self) {
            try store.load { loader in
                try loader.add(Publisher(id: 30, name: "New"))
                try loader.add(Placement(id: 3000, name: "Orphan", publisherId: 999))
            }
        }
        #expect(try store.counts() == before)
    }

    @Test func trackerSearchMatchesEveryWordAcrossFieldsIgnoringAccents() throws {
        let store = try TestCatalog.store()
        let a = try store.createTracker(TestCatalog.draft(name: "Homepage clicks"), id: 4242).tracker
        var other = TrackerDraft(name: "Sports page", lineItemId: TestCatalog.otherLineItem, publisherId: TestCatalog.publisherB)
        other.code = "SP_1"
        let b = try store.createTracker(other, id: nil).tracker
        #expect(try store.trackers(TrackerQuery(search: "HOMEPAGE planet")).map(\.id) == [a.id])
        #expect(try store.trackers(TrackerQuery(search: "cafe ete")).map(\.id) == [b.id])
        #expect(try store.trackers(TrackerQuery(search: "sp_1")).map(\.id) == [b.id])
        #expect(try store.trackers(TrackerQuery(search: "%")).isEmpty, "LIKE wildcards are literal")
        #expect(try store.trackers(TrackerQuery(search: String(a.id))).map(\.id) == [a.id])
        #expect(try store.trackerCount(TrackerQuery(search: "gazette")) == 1)
        #expect(try store.trackers(TrackerQuery(sort: .name, descending: true)).map(\.id) == [b.id, a.id])
        #expect(try store.trackers(TrackerQuery(limit: 1)).map(\.id) == [a.id])
        #expect(try store.trackers(TrackerQuery(offset: 1, limit: 1)).map(\.id) == [b.id])
    }

    @Test func lineItemSearchFindsByIdCodeAndWords() throws {
        let store = try TestCatalog.store()
        #expect(try store.searchLineItems("101", limit: 10).first?.id == TestCatalog.otherLineItem)
        #expect(try store.searchLineItems("wnk-hol", limit: 10).map(\.id) == [TestCatalog.lineItem])
        #expect(try store.searchLineItems("holiday WONKA jp", limit: 10).map(\.id) == [TestCatalog.lineItem])
        #expect(try store.searchLineItems("CAFE ole", limit: 10).map(\.id) == [TestCatalog.otherLineItem])
        #expect(try store.searchLineItems("nothing like this", limit: 10).isEmpty)
        #expect(try store.searchLineItems("", limit: 1).count == 1)
    }

    @Test func placementsAndPaymentRulesAreScopedToTheirPublisher() throws {
        let store = try TestCatalog.store()
        #expect(try store.placements(publisherId: TestCatalog.publisherA).map(\.id) == [TestCatalog.placementA])
        #expect(try store.paymentRules(publisherId: TestCatalog.publisherB).map(\.id) == [TestCatalog.ruleB])
        #expect(try store.publishers(matching: "gotham").map(\.id) == [TestCatalog.publisherB])
    }
}
