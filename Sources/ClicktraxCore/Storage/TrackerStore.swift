/// Where Clicktrax keeps the catalog and the trackers, split by what each part of the app
/// touches (k9s's capability interfaces): a command or a screen names the capabilities it uses,
/// and a backend implements them all. SQLite (through GRDB) is the embedded default; a shared
/// PostgreSQL backend would implement the same protocols and pass the same contract tests
/// (`StoreContractTests`). Nothing outside the storage folder sees SQL or GRDB — only these
/// protocols and plain model values; the rules (validation, belonging, ranking) are Core's.
public protocol TrackerStore: TrackerRepository, ChangeLog, CatalogReading, LineItemSearching, CatalogImporting, Preferences,
    StoreChecking, InvestSyncing, ClickStoring {
    /// Opened read-only (the user may read the database but not write it): every change is refused.
    var isReadOnly: Bool { get }
}

/// `clicktrax check`: is the store sound?
public protocol StoreChecking: Sendable {
    /// What is wrong, at most `limit` lines: integrity, references, the change log against the
    /// trackers. Empty when sound.
    func check(limit: Int) throws -> [String]
    /// Values kept as Invest has them that would not be accepted if typed (SPEC §10), by kind,
    /// field and what is wrong.
    func legacyValues() throws -> LegacyValues
}

/// The click trackers themselves.
public protocol TrackerRepository: Sendable {
    func trackers(_ query: TrackerQuery) throws -> [ClickTracker]
    /// The same trackers one at a time (no limit), their number first (one snapshot).
    func forEachTracker(_ query: TrackerQuery, count: (Int) throws -> Void, _ body: (ClickTracker) throws -> Void) throws
    func trackerCount(_ query: TrackerQuery) throws -> Int
    func tracker(id: Int64) throws -> ClickTracker?

    /// The IDs of the trackers a query finds, in its order: a table pages through these, so
    /// scrolling reads a screenful by ID instead of skipping over rows with OFFSET.
    func trackerIDs(_ query: TrackerQuery) throws -> [Int64]

    /// What the screen's filter matches, for every tracker (see `TrackerFilterIndex`).
    func trackerFilterIndex() throws -> TrackerFilterIndex

    /// These trackers, in this order (IDs that no longer exist are left out).
    func trackers(ids: [Int64]) throws -> [ClickTracker]

    /// Validates and stores a new tracker. `id` mirrors a tracker that already exists in Invest;
    /// nil takes the next free id (never one a deleted tracker had).
    func createTracker(_ draft: TrackerDraft, id: Int64?) throws -> ClickTracker

    /// Saves an edit made to the tracker as it was at `expectedRevision`. Refused with
    /// `ClicktraxError.conflict` when someone saved it since, so no one's edit is silently lost.
    func updateTracker(id: Int64, with draft: TrackerDraft, expectedRevision: Int) throws -> ClickTracker

    /// Activates or deactivates trackers; those already in that state are left alone.
    /// Returns the trackers as they now are.
    func setState(_ state: ObjectState, trackerIds: [Int64]) throws -> [ClickTracker]

    /// Deletes trackers, returning them as they were (the change log keeps them too).
    func deleteTrackers(ids: [Int64]) throws -> [ClickTracker]

    /// Copies trackers ("Copy of …", no code); returns the copies.
    func duplicateTrackers(ids: [Int64]) throws -> [ClickTracker]
}

/// Every change to a tracker, with the tracker before and after; undo goes through it.
public protocol ChangeLog: Sendable {
    /// The change log, newest first; for one tracker or all.
    func changes(trackerId: Int64?, limit: Int) throws -> [TrackerChange]

    /// Reverts a logged change if the tracker still holds what that change left; logs the revert.
    func undo(change sequence: Int64) throws -> TrackerChange
    /// The trackers these change-log entries created that Invest has now (pushed since): undoing
    /// the create deletes them on Invest at the next push, which the operator is asked first.
    func investCopies(createdBy changes: [Int64]) throws -> [Int64]

    /// A number that changes whenever another connection — another clicktrax process —
    /// commits a change; this store's own commits leave it be. Cheap enough to ask every second.
    func changeCounter() throws -> Int
}

/// The catalog, read: advertisers, line items, publishers, placements, payment rules.
public protocol CatalogReading: Sendable {
    func advertisers() throws -> [Advertiser]
    /// The listings again one object at a time, their number first (one snapshot each).
    func forEachAdvertiser(count: (Int) throws -> Void, _ body: (Advertiser) throws -> Void) throws
    func forEachPublisher(matching term: String?, count: (Int) throws -> Void, _ body: (Publisher) throws -> Void) throws
    func forEachPlacement(publisherId: Int64?, count: (Int) throws -> Void, _ body: (Placement) throws -> Void) throws
    func forEachPaymentRule(publisherId: Int64?, count: (Int) throws -> Void, _ body: (PaymentRule) throws -> Void) throws
    func lineItem(id: Int64) throws -> LineItem?
    func publishers(matching term: String?) throws -> [Publisher]
    func publisher(id: Int64) throws -> Publisher?
    /// A publisher's placements, or every placement for nil.
    func placements(publisherId: Int64?) throws -> [Placement]
    /// A publisher's payment rules, or every payment rule for nil.
    func paymentRules(publisherId: Int64?) throws -> [PaymentRule]
    /// Every line item, in id order (for exports; the pickers search instead).
    func allLineItems() throws -> [LineItem]
    /// Every line item in id order, one at a time, their number first (one snapshot).
    func forEachLineItem(count: (Int) throws -> Void, _ body: (LineItem) throws -> Void) throws
    func counts() throws -> CatalogCounts
    /// No catalog and no trackers (cheaper than `counts`: it stops at the first row).
    func isEmpty() throws -> Bool
}

/// Line item search, ranked by `LineItemRanking`.
public protocol LineItemSearching: Sendable {
    /// Line items by ID, code and name, best first.
    func searchLineItems(_ term: String, limit: Int) throws -> [LineItem]
    /// The same, saying whether only letters in order matched (nothing held every word) and how
    /// many match; `advertiser` keeps only that advertiser's line items.
    func findLineItems(_ term: String, limit: Int, advertiser: Int64?) throws -> LineItemMatches
    /// Brings the line item search index up to date with the catalog (after an import, say);
    /// until then searches are correct but slower. Returns whether it had to build.
    @discardableResult
    func refreshSearchIndex() throws -> Bool
    /// The same, then the index read whole into memory, for a session that will search a lot.
    func prepareSearch() throws
}

extension LineItemSearching {
    public func findLineItems(_ term: String, limit: Int) throws -> LineItemMatches {
        try findLineItems(term, limit: limit, advertiser: nil)
    }
}

/// Filling the store in one transaction: an import, the demo.
public protocol CatalogImporting: Sendable {
    /// Imports what `body` feeds in one transaction, all or nothing (see `SQLiteStore`).
    func importStream(dryRun: Bool, bulk: Bool, _ body: ((ImportRecord) -> Void) throws -> [ImportProblem]) throws -> ImportSummary

    /// Runs `body` in one transaction: every object it adds is stored, or — if it throws —
    /// none is. Objects are upserted by id. `bulk` is for loads of many line items: the store
    /// may rebuild its line item indexes at the end instead of maintaining them row by row.
    func load(bulk: Bool, _ body: (any CatalogLoader) throws -> Void) throws
}

/// What the operator chose last (the export options), kept with the database.
public protocol Preferences: Sendable {
    /// A remembered preference, or nil.
    func preference(_ key: String) throws -> String?
    func setPreference(_ key: String, _ value: String) throws
}

/// Adds objects inside `CatalogImporting.load`.
public protocol CatalogLoader {
    func add(_ advertiser: Advertiser) throws
    func add(_ lineItem: LineItem) throws
    func add(_ publisher: Publisher) throws
    func add(_ placement: Placement) throws
    func add(_ paymentRule: PaymentRule) throws
    /// Validated like any other tracker; logged in the change log as created or updated.
    func add(_ tracker: ClickTracker) throws
    /// The Invest member new trackers belong to.
    func setMemberId(_ memberId: Int64) throws
    /// Removes every tracker, line item, publisher and the rest, and the change log: the start
    /// of `demo --replace`, which then refills the database in the same transaction. Returns the
    /// highest tracker id ever given, which it keeps: new trackers' ids must be above it.
    @discardableResult
    func eraseAll() throws -> Int64
}

extension CatalogImporting {
    /// A load of a few objects: indexes maintained as rows go in.
    public func load(_ body: (any CatalogLoader) throws -> Void) throws {
        try load(bulk: false, body)
    }
}
