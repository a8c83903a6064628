import Foundation
import Testing
@testable import ClicktraxCore

/// What every backend must do, tested through the protocols alone (`any TrackerStore`): each
/// test runs on every backend there is — SQLite in memory, and SQLite in a file (WAL, a pool of
/// readers). A new backend is added to `backends` and must pass all of it. What a store does with
/// trackers it does for both kinds (`scoped(to:)`), each in its own ids, revisions and change log.
@Suite struct StoreContractTests {
    static let backends = ["sqlite-memory", "sqlite-file"]

    static func open(_ backend: String, _ kind: TrackerKind) throws -> any TrackerStore {
        let store = try open(backend).scoped(to: kind)
        #expect(store.trackerKind == kind)
        return store
    }

    static func open(_ backend: String) throws -> any TrackerStore {
        let store: any TrackerStore = switch backend {
        case "sqlite-memory": try SQLiteStore.inMemory()
        default: try StoreLocation.sqlite(path: TestCatalog.temporaryPath()).open()
        }
        try TestCatalog.fill(store)
        return store
    }

    @Test(arguments: backends, TrackerKind.allCases) func aCreatedTrackerReadsBackWhole(_ backend: String, _ kind: TrackerKind) throws {
        let store = try Self.open(backend, kind)
        let created = try store.createTracker(TestCatalog.draft(name: "  Homepage clicks  "), id: nil).tracker
        #expect(created.name == "Homepage clicks" && created.revision == 1 && created.state == .active)
        #expect(try store.tracker(id: created.id) == created)
        #expect(created.tag?.id == TestCatalog.placementA && created.paymentRule?.name == "70% Rev Share")
        #expect(try store.trackers(ids: [created.id, 999_999]) == [created], "missing ids are left out")
        #expect(try store.changes(trackerId: created.id, limit: 5).map(\.action) == [.created])
    }

    @Test(arguments: backends, TrackerKind.allCases) func aDeletedTrackersIdIsNeverHandedOutAgain(_ backend: String, _ kind: TrackerKind) throws {
        let store = try Self.open(backend, kind)
        let first = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        _ = try store.deleteTrackers(ids: [first.id])
        #expect(try store.createTracker(TestCatalog.draft(), id: nil).tracker.id > first.id)
    }

    @Test(arguments: backends, TrackerKind.allCases) func aStaleSaveIsRefusedAndLosesNothing(_ backend: String, _ kind: TrackerKind) throws {
        let store = try Self.open(backend, kind)
        let tracker = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        var theirs = tracker.draft
        theirs.name = "Theirs"
        _ = try store.updateTracker(id: tracker.id, with: theirs, expectedRevision: tracker.revision)
        var mine = tracker.draft
        mine.name = "Mine"
        #expect(throws: ClicktraxError.self) { try store.updateTracker(id: tracker.id, with: mine, expectedRevision: tracker.revision).tracker }
        #expect(try store.tracker(id: tracker.id)?.name == "Theirs")
    }

    @Test(arguments: backends, TrackerKind.allCases) func everyBrokenRuleIsNamedAtOnceInCoresWords(_ backend: String, _ kind: TrackerKind) throws {
        let store = try Self.open(backend, kind)
        let holder = try store.createTracker(TrackerDraft(name: "Holder", code: "HOLD", lineItemId: TestCatalog.lineItem,
                                                          publisherId: TestCatalog.publisherA), id: nil).tracker
        let bad = TrackerDraft(name: "", code: "hold", lineItemId: 424_242, publisherId: TestCatalog.publisherA,
                               placementId: TestCatalog.placementB, paymentRuleId: 1)
        do {
            _ = try store.createTracker(bad, id: nil)
            Issue.record("must refuse")
        } catch ClicktraxError.invalid(let issues) {
            let expected = TrackerRules.check(bad) + TrackerReferenceRules.check(bad, against: TrackerReferences(
                lineItemExists: false, publisherName: "The Daily Planet",
                placement: .init(name: "Sports", publisherId: TestCatalog.publisherB, publisherName: "Gotham Gazette"),
                paymentRule: nil, codeHolder: (holder.id, "Holder")))
            #expect(issues == expected)
            #expect(Set(issues.map(\.field)) == [.name, .lineItem, .placement, .paymentRule, .code])
        }
    }

    @Test(arguments: backends, TrackerKind.allCases) func undoRevertsOnlyWhatIsStillAsItWasLeft(_ backend: String, _ kind: TrackerKind) throws {
        let store = try Self.open(backend, kind)
        let tracker = try store.createTracker(TestCatalog.draft(), id: nil).tracker
        _ = try store.setState(.inactive, trackerIds: [tracker.id])
        let deactivated = try #require(try store.changes(trackerId: tracker.id, limit: 1).first)
        var edit = try #require(try store.tracker(id: tracker.id)).draft
        edit.name = "Edited"
        _ = try store.updateTracker(id: tracker.id, with: edit, expectedRevision: 2)
        let edited = try #require(try store.changes(trackerId: tracker.id, limit: 1).first)
        #expect(throws: ClicktraxError.self, "the deactivation is not what the tracker holds now") {
            try store.undo(change: deactivated.sequence)
        }
        _ = try store.undo(change: edited.sequence)
        _ = try store.undo(change: deactivated.sequence)   // the edit's undo put it back as the deactivation left it
        #expect(try store.tracker(id: tracker.id)?.state == .active && store.tracker(id: tracker.id)?.name == "Homepage clicks")
    }

    @Test(arguments: backends, TrackerKind.allCases) func idsComeInTheQuerysOrderAndTheFilterIndexAgreesWithTheQuery(_ backend: String, _ kind: TrackerKind) throws {
        let store = try Self.open(backend, kind)
        for name in ["Banana", "apple", "Cherry Wonka"] { _ = try store.createTracker(TestCatalog.draft(name: name), id: nil).tracker }
        let byName = try store.trackerIDs(TrackerQuery(sort: .name))
        #expect(try store.trackers(ids: byName).map(\.name) == ["apple", "Banana", "Cherry Wonka"])
        #expect(try store.trackerIDs(TrackerQuery(sort: .name, descending: true)) == byName.reversed())
        for search in ["wonka", "daily planet", "an", String(byName[0])] {
            let sql = try store.trackerIDs(TrackerQuery(search: search, sort: .name))
            var index = try store.trackerFilterIndex()
            #expect(index.filter(byName, by: search) == sql, "\(search)")
        }
        #expect(try store.trackerCount(TrackerQuery(search: "wonka")) == 3, "the line item's name matches all three")
    }

    @Test(arguments: backends) func lineItemsRankByIdThenCodeThenName(_ backend: String) throws {
        let store = try Self.open(backend)
        #expect(try store.searchLineItems(String(TestCatalog.otherLineItem), limit: 5).first?.id == TestCatalog.otherLineItem)
        #expect(try store.searchLineItems("wnk-hol", limit: 5).map(\.id) == [TestCatalog.lineItem])
        #expect(try store.searchLineItems("cafe ete", limit: 5).map(\.id) == [TestCatalog.otherLineItem], "accents do not matter")
        _ = try store.refreshSearchIndex()
        let fuzzy = try store.findLineItems("wnka hldy", limit: 5)
        #expect(fuzzy.fuzzy && fuzzy.items.map(\.id) == [TestCatalog.lineItem])
        #expect(fuzzy.matching == MatchCount(1, exact: true))
    }

    /// "200 of 31,204": how many match in all is counted, and said as a lower bound when it is one.
    @Test(arguments: backends) func searchesCountWhatTheyMatch(_ backend: String) throws {
        let store = try Self.open(backend)
        try store.load { loader in
            for id in Int64(1)...40 { try loader.add(LineItem(id: 7_000 + id, name: "Promo \(id) Holiday", advertiserId: 1)) }
        }
        _ = try store.refreshSearchIndex()
        #expect(try store.findLineItems("holiday", limit: 5).matching == MatchCount(41, exact: false), "the limit was met at word starts")
        #expect(try store.findLineItems("oliday", limit: 5).matching == MatchCount(41, exact: true), "inside terms: every set counted")
        let few = try store.findLineItems("promo 3", limit: 50)
        #expect(few.items.count == 13 && few.matching == MatchCount(13, exact: true), "3, 13, 23 and 30–39")
        #expect(try store.findLineItems("7001", limit: 5).matching?.exact == false, "an ID match may or may not hold the words")
    }

    @Test(arguments: backends) func aSearchCanKeepToOneAdvertiser(_ backend: String) throws {
        let store = try Self.open(backend)
        try store.load { loader in
            try loader.add(Advertiser(id: 2, name: "Globex"))
            try loader.add(LineItem(id: 300, code: "GLX-HOL", name: "Globex Wonka Holiday tie-in", advertiserId: 2))
        }
        for indexed in [false, true] {
            if indexed { _ = try store.refreshSearchIndex() }
            #expect(try store.findLineItems("wonka holiday", limit: 10).items.map(\.id).sorted() == [TestCatalog.lineItem, 300])
            #expect(try store.findLineItems("wonka holiday", limit: 10, advertiser: 2).items.map(\.id) == [300], "indexed: \(indexed)")
            #expect(try store.findLineItems("wnk-hol", limit: 10, advertiser: 2).items.isEmpty, "another advertiser's code")
        }
        #expect(try store.findLineItems("glbx hldy", limit: 10, advertiser: 1).items.isEmpty, "letters in order, only theirs")
        #expect(try store.findLineItems("glbx hldy", limit: 10, advertiser: 2).items.map(\.id) == [300])
    }

    @Test(arguments: backends) func aFailedLoadWritesNothing(_ backend: String) throws {
        let store = try Self.open(backend)
        let before = try store.counts()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try store.load { loader in
                try loader.add(Publisher(id: 77, name: "Half-loaded"))
                throw Stop()
            }
        }
        #expect(try store.counts() == before && store.publisher(id: 77) == nil)
        #expect(try !store.isEmpty())
    }

    @Test(arguments: backends, TrackerKind.allCases) func preferencesAndTheChangeCounterAndTheCheck(_ backend: String, _ kind: TrackerKind) throws {
        let store = try Self.open(backend, kind)
        #expect(try store.preference("x") == nil)
        try store.setPreference("x", "{\"a\":1}")
        #expect(try store.preference("x") == "{\"a\":1}")
        let counter = try store.changeCounter()
        _ = try store.createTracker(TestCatalog.draft(), id: nil)
        #expect(try store.changeCounter() == counter, "the store's own commits are not someone else's")
        #expect(try store.check(limit: 20).isEmpty)
    }

    /// The two kinds are two id spaces, as on Invest: an impression tracker 1 beside a click
    /// tracker 1, each with its own change log, codes, undo and check.
    @Test(arguments: backends) func theTwoKindsKeepApart(_ backend: String) throws {
        let clicks = try Self.open(backend)
        let impressions = clicks.scoped(to: .impression)
        let click = try clicks.createTracker(TrackerDraft(name: "Clicks", code: "SAME", lineItemId: TestCatalog.lineItem,
                                                          publisherId: TestCatalog.publisherA), id: nil).tracker
        let impression = try impressions.createTracker(TrackerDraft(name: "Impressions", code: "SAME", lineItemId: TestCatalog.lineItem,
                                                                    publisherId: TestCatalog.publisherA), id: nil).tracker
        #expect(click.kind == .click && impression.kind == .impression)
        #expect(impression.id == click.id, "the same first id: separate id spaces")
        #expect(try clicks.tracker(id: click.id)?.name == "Clicks" && impressions.tracker(id: impression.id)?.name == "Impressions")
        #expect(try clicks.trackerCount(TrackerQuery()) == 1 && impressions.trackerCount(TrackerQuery()) == 1)
        #expect(try clicks.changes(trackerId: nil, limit: 10).map(\.after?.name) == ["Clicks"])
        #expect(try impressions.changes(trackerId: nil, limit: 10).map(\.after?.kind) == [.impression])
        // Undo on one kind touches only its own.
        let logged = try #require(try impressions.changes(trackerId: impression.id, limit: 1).first)
        _ = try impressions.undo(change: logged.sequence)
        #expect(try impressions.tracker(id: impression.id) == nil && clicks.tracker(id: click.id) != nil)
        #expect(try clicks.check(limit: 20).isEmpty)
    }

    /// An impression leads nowhere: a landing page is refused, and the JSON has no click_url.
    @Test(arguments: backends) func anImpressionTrackerHasNoLandingPage(_ backend: String) throws {
        let impressions = try Self.open(backend, .impression)
        var draft = TestCatalog.draft(name: "Pixel")
        draft.clickUrl = "https://shop.example/"
        #expect(throws: ClicktraxError.self) { try impressions.createTracker(draft, id: nil) }
        draft.clickUrl = nil
        let created = try impressions.createTracker(draft, id: nil).tracker
        let json = String(decoding: try JSONEncoder().encode(created), as: UTF8.self)
        #expect(!json.contains("click_url") && json.contains("\"name\":\"Pixel\""), "\(json)")
        #expect(created.tagSubject.kind == .impression)
    }
}

extension StoreContractTests {
    /// Undoing an impression tracker's create never asks about Invest: its change log numbers
    /// are its own, even where a click tracker's create under the same number is on Invest.
    /// Undo asks which created trackers Invest has a copy of: each kind its own, though the two
    /// change logs number alike.
    @Test func eachKindsInvestCopiesAreItsOwn() throws {
        let store = try SQLiteStore.inMemory()
        try TestCatalog.fill(store)
        let click = try store.createTracker(TestCatalog.draft(), id: nil)
        let impression = try store.scoped(to: .impression).createTracker(TestCatalog.draft(name: "Pixel"), id: nil)
        #expect(click.changes == impression.changes, "the two logs number from 1 alike")
        try store.writer.write { db in
            try db.execute(sql: """
                INSERT INTO invest_tracker (id, advertiser_id, name, state, line_item_id, publisher_id, last_modified, json)
                VALUES (?, 1, 'x', 'active', ?, ?, '', '{}')
                """, arguments: [click.tracker.id, TestCatalog.lineItem, TestCatalog.publisherA])
        }
        #expect(try store.investCopies(createdBy: click.changes) == [click.tracker.id])
        #expect(try store.scoped(to: .impression).investCopies(createdBy: impression.changes).isEmpty)
        try store.writer.write { db in
            try db.execute(sql: """
                INSERT INTO invest_imp_tracker (id, advertiser_id, name, state, line_item_id, publisher_id, last_modified, json)
                VALUES (?, 1, 'x', 'active', ?, ?, '', '{}')
                """, arguments: [impression.tracker.id, TestCatalog.lineItem, TestCatalog.publisherA])
        }
        #expect(try store.scoped(to: .impression).investCopies(createdBy: impression.changes) == [impression.tracker.id])
    }
}
