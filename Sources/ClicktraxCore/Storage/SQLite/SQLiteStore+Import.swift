import Foundation
import GRDB

extension SQLiteStore {
    /// Imports what `body` feeds, record by record, in one transaction — so memory holds one
    /// file at a time, not the whole import. References may point forward (a tracker before its
    /// line item's file): foreign keys are deferred to the end, trackers whose references are
    /// not in yet wait, and every reference is checked once everything is in. Any problem, or
    /// `dryRun`, and the transaction is rolled back: nothing is written. `body` returns the
    /// problems it found reading the files, which count like any other. Each record is upserted
    /// by id and checked (fields, references, codes); the result says what was (or would be)
    /// created, updated and unchanged.
    ///
    /// `bulk` (a big import) drops the line item indexes first and builds them once at the end,
    /// as the demo does; codes are then checked for uniqueness all at once, by the unique index
    /// as it is built.
    public func importStream(dryRun: Bool, bulk: Bool, _ body: ((ImportRecord) -> Void) throws -> [ImportProblem]) throws -> ImportSummary {
        var summary = ImportSummary()
        var problems: [ImportProblem] = []
        do {
            try writer.writeWithoutTransaction { db in
                // A bulk import's commit would copy its few hundred MB from the WAL into the
                // database on this thread (SQLite's automatic checkpoint); it runs afterwards in
                // the background instead, beside the search index that reads what was imported.
                if bulk { try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
                defer { if bulk { try? db.execute(sql: "PRAGMA wal_autocheckpoint = 1000") } }
                try db.inTransaction(.immediate) {
                    // 64 MB: enough to keep the hot index pages of a big import, within its memory budget.
                    try db.execute(sql: "PRAGMA cache_size = -65536")
                    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                    // The change log's entries past this one are the import's own (it holds the write lock).
                    let lastChange = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM tracker_change") ?? 0
                    let indexes = bulk ? try Row.fetchAll(
                        db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'line_item' AND sql IS NOT NULL"
                    ) : []
                    for index in indexes { try db.execute(sql: "DROP INDEX \(index["name"] as String)") }
                    var importer = SQLiteImporter(db: db, store: self, checkCodesPerRow: !bulk)
                    let readProblems = try body { record in importer.add(record) }
                    ImportTrace.markWithThreadCPU("every record written")
                    importer.finish()
                    ImportTrace.mark("references checked")
                    summary = importer.summary
                    problems = readProblems + importer.problems
                    if bulk && problems.isEmpty {
                        try SQLiteStore.rebuild(indexes, db)
                        ImportTrace.mark("line item indexes built")
                        // Codes are unique per advertiser for the operator's own rows (an input
                        // rule; Invest's pages are kept as they are): the code index just built
                        // hands the codes over in order, so the duplicates cost one pass of it.
                        if importer.operatorLineItems {
                            problems += try SQLiteImporter.duplicateLineItemCodes(db)
                            ImportTrace.mark("line item codes checked")
                        }
                    } else if bulk && importer.operatorLineItems {
                        problems += try SQLiteImporter.duplicateLineItemCodes(db)
                    }
                    if problems.isEmpty && !dryRun {
                        let lineItems = summary.counts[.lineItem] ?? ImportSummary.Counts()
                        if lineItems.created + lineItems.updated > 0 { try Self.catalogChanged(db) }
                        summary.trackerChanges = try Int64.fetchAll(db, sql: "SELECT seq FROM tracker_change WHERE seq > ? ORDER BY seq",
                                                                    arguments: [lastChange])
                    }
                    try db.execute(sql: "PRAGMA cache_size = -2000")
                    return dryRun || !problems.isEmpty ? .rollback : .commit
                }
            }
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
        ImportTrace.mark("committed")
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        if !dryRun { Self.committedWrites.add(1, ordering: .relaxed) }
        if bulk && !dryRun { checkpointInTheBackground() }
        return summary
    }

    /// Copies the WAL into the database (PASSIVE: readers go on) on a background thread, through
    /// the writer: the search index built meanwhile reads what was imported, and its write waits
    /// for the copy (on a connection of its own the checkpoint returned at once, copying nothing,
    /// and the close did the copy instead). A failure
    /// costs nothing: the frames stay in the WAL, and the next checkpoint copies them.
    func checkpointInTheBackground() {
        let writer = writer
        DispatchQueue.global(qos: .utility).async {
            _ = try? writer.writeWithoutTransaction { try $0.checkpoint(.passive) }
            ImportTrace.mark("checkpointed")
        }
    }
}

/// An import that was refused, with every problem found.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]
    public static let listed = 20

    public var description: String {
        var lines = problems.prefix(Self.listed).map(\.description)
        if problems.count > Self.listed { lines.append("… and \(problems.count - Self.listed) more problems") }
        return "import refused, nothing was written: \(problems.count) problem\(problems.count == 1 ? "" : "s")\n" + lines.joined(separator: "\n")
    }
}

/// Upserts one record at a time inside the import's transaction, and says what it did.
struct SQLiteImporter {
    let db: Database
    let store: SQLiteStore
    private(set) var summary = ImportSummary()
    private(set) var problems: [ImportProblem] = []
    /// References to objects not (yet) in the database: checked again at the end.
    private var pending: [(table: String, id: Int64, record: ImportRecord, field: String, kind: String)] = []
    /// Trackers whose line item, publisher, placement or payment rule is not in yet.
    private var waiting: [ImportRecord] = []
    /// Placements and payment rules this import changed, by table and id: one moved to another
    /// publisher leaves the trackers using it pointing at a pair that no longer exists.
    private var changedParents: [String: [Int64: ImportRecord]] = [:]
    /// A tracker was written: its composite references are checked with the parents' at the end.
    private var wroteTrackers = false
    /// The insert of a new line item through SQLite's C API: a million-row import binds each
    /// value directly instead of building GRDB's argument arrays.
    private var lineItemInsert: RawStatement?
    /// Parents seen present, by table: an import never deletes, so once there they stay, and a
    /// million line items of six advertisers ask about six ids, not a million.
    private var present: [String: Set<Int64>] = [:]

    /// Off in a bulk import, whose line item codes are checked all at once at the end.
    let checkCodesPerRow: Bool
    /// Line items of the operator's own rows came in with codes: their uniqueness is checked.
    private(set) var operatorLineItems = false

    init(db: Database, store: SQLiteStore, checkCodesPerRow: Bool = true) {
        self.db = db
        self.store = store
        self.checkCodesPerRow = checkCodesPerRow
    }

    /// Line item codes used twice by one advertiser (case-insensitively), found all at once: one
    /// pass of the code index (ordered as NOCASE orders) comparing neighbours, and the query that
    /// names them only when there are some — grouping a million codes to find none cost 0.3 s.
    static func duplicateLineItemCodes(_ db: Database) throws -> [ImportProblem] {
        var previous: [UInt8] = []
        var previousAdvertiser: Int64? = nil
        var first = true
        var found = false
        // NOCASE folds ASCII letters only, as this does.
        func folded(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        let scan = try RawStatement(db, "SELECT code, advertiser_id FROM line_item INDEXED BY line_item_by_code WHERE code IS NOT NULL")
        try scan.forEachRow(db) { row in
            guard !found else { return }
            let advertiser: Int64? = row.isNull(1) ? nil : row.int64(1)
            row.withBlob(0) { bytes in
                if !first, previousAdvertiser == advertiser, previous.count == bytes.count,
                   zip(previous, bytes).allSatisfy({ $0 == folded($1) }) {
                    found = true
                }
                previous.removeAll(keepingCapacity: true)
                for byte in bytes { previous.append(folded(byte)) }
                previousAdvertiser = advertiser
                first = false
            }
        }
        return found ? try namedDuplicateLineItemCodes(db) : []
    }

    /// The duplicate codes, each named with its line items.
    static func namedDuplicateLineItemCodes(_ db: Database) throws -> [ImportProblem] {
        try Row.fetchAll(db, sql: """
            SELECT code, advertiser_id, GROUP_CONCAT(id, ', ') AS ids FROM line_item WHERE code IS NOT NULL
            GROUP BY code COLLATE NOCASE, advertiser_id HAVING COUNT(*) > 1 LIMIT 100
            """).map { row in
            let code: String = row["code"]
            let ids: String = row["ids"]
            let advertiser: Int64? = row["advertiser_id"]
            return ImportProblem(file: "line items \(ids)", field: "code",
                                 message: "“\(code)” is the code of several line items of advertiser \(advertiser.map(String.init) ?? "none"); codes are unique per advertiser, whatever their case")
        }
    }

    mutating func add(_ record: ImportRecord) {
        if case .tracker(_, let draft, _, _, _) = record.object, !referencesPresent(draft) {
            waiting.append(record)
            return
        }
        run(record)
    }

    /// The waiting trackers, then every reference that was missing when its record went in.
    mutating func finish() {
        for record in waiting { run(record) }
        waiting = []
        problems += brokenTrackerReferences()
        for reference in pending {
            do {
                if try exists(reference.table, reference.id) { continue }
                problems.append(reference.record.problem(reference.field, "no \(reference.kind) \(reference.id) in the database or in this import"))
            } catch {
                problems.append(reference.record.problem(reference.field, "\(reference.kind) \(reference.id) could not be looked up (\(SQLiteStore.reason(error)))"))
            }
        }
    }

    /// The trackers whose (placement, publisher) or (payment rule, publisher) pair is no longer
    /// there — SQLite checks deferred keys only at the commit, which a dry run never reaches, so
    /// they are looked for here, for the dry run and the real one alike, and named.
    private func brokenTrackerReferences() -> [ImportProblem] {
        guard wroteTrackers || !changedParents.isEmpty else { return [] }
        do {
            let rows = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check(click_tracker)")
            var found: [ImportProblem] = []
            for row in rows.prefix(100) {
                let trackerId: Int64 = row["rowid"]
                let parent: String = row["parent"]
                guard parent == "placement" || parent == "payment_rule",
                      let tracker = try Row.fetchOne(db, sql: "SELECT publisher_id, placement_id, payment_rule_id FROM click_tracker WHERE id = ?",
                                                     arguments: [trackerId]) else {
                    found.append(ImportProblem(file: "tracker \(trackerId)", message: "refers to a \(parent.replacingOccurrences(of: "_", with: " ")) that is not in the database"))
                    continue
                }
                let publisherId: Int64 = tracker["publisher_id"]
                let parentId: Int64 = tracker[parent == "placement" ? "placement_id" : "payment_rule_id"]
                let noun = parent == "placement" ? "placement" : "payment rule"
                if let record = changedParents[parent]?[parentId] {
                    found.append(record.problem("publisher_id", "\(noun) \(parentId) would move away from publisher \(publisherId), but tracker \(trackerId) uses it with that publisher: change the tracker in the same import, or keep the \(noun)'s publisher"))
                } else {
                    found.append(ImportProblem(file: "tracker \(trackerId)", field: parent == "placement" ? "tag_id" : "payment_rule_id",
                                               message: "\(noun) \(parentId) does not belong to the tracker's publisher \(publisherId)"))
                }
            }
            return found
        } catch {
            return [ImportProblem(file: "trackers", message: "their references could not be checked (\(SQLiteStore.reason(error)))")]
        }
    }

    private mutating func run(_ record: ImportRecord) {
        // JSON numbers beyond 2^53 are not exact in most readers of the API; zero and negatives
        // are no ids (a CSV row's ids are checked the same way as it is read).
        if let id = record.id, !InvestIDs.isValid(id) {
            problems.append(record.problem("id", InvestIDs.rangeProblem(id)))
            return
        }
        do {
            let outcome = try upsert(record)
            summary.count(record.kind, outcome)
            switch record.object {
            case .placement(let placement) where outcome == .updated: changedParents["placement", default: [:]][placement.id] = record
            case .paymentRule(let rule) where outcome == .updated: changedParents["payment_rule", default: [:]][rule.id] = record
            case .tracker where outcome != .unchanged: wroteTrackers = true
            default: break
            }
        } catch let problem as ImportProblem {
            problems.append(problem)
        } catch ClicktraxError.invalid(let issues) {
            problems += issues.map { record.problem($0.field.apiName, $0.message) }
        } catch {
            problems.append(record.problem(nil, SQLiteStore.reason(error)))
        }
    }

    private func referencesPresent(_ draft: TrackerDraft) -> Bool {
        let references: [(String, Int64?)] = [("line_item", draft.lineItemId), ("publisher", draft.publisherId),
                                              ("placement", draft.placementId), ("payment_rule", draft.paymentRuleId)]
        // A look-up that fails counts as missing: the record waits, and `finish()` reports it.
        return references.allSatisfy { table, id in id.map { (try? exists(table, $0)) == true } ?? true }
    }

    /// Notes a reference to check at the end, when it is not in the database yet.
    private mutating func expect(_ table: String, _ id: Int64?, from record: ImportRecord, field: String, kind: String) throws {
        guard let id, present[table]?.contains(id) != true else { return }
        if try exists(table, id) {
            present[table, default: []].insert(id)
            return
        }
        pending.append((table, id, record, field, kind))
    }

    mutating func upsert(_ record: ImportRecord) throws -> UpsertOutcome {
        if !record.fieldsChecked { try checkInput(record) }
        let loader = SQLiteCatalogLoader(db: db, store: store)
        var fresh = loader
        fresh.insertOnly = true
        switch record.object {
        case .advertiser(let advertiser):
            return try outcome(Advertiser.descriptor, advertiser, insert: { try fresh.add(advertiser) }, write: { try loader.add(advertiser) })
        case .publisher(let publisher):
            return try outcome(Publisher.descriptor, publisher, insert: { try fresh.add(publisher) }, write: { try loader.add(publisher) })
        case .lineItem(let item):
            // Codes are unique per advertiser as an input rule: the operator's rows are held to
            // it (when they set the code); Invest's are kept as Invest has them.
            if let code = item.code, record.origin == .operatorInput {
                operatorLineItems = true
                if checkCodesPerRow, try SQLiteStore.fetch(LineItem.descriptor, id: item.id, db)?.code != code,
                   let holder = try Int64.fetchOne(
                       db.cachedStatement(sql: "SELECT id FROM line_item WHERE code = ? COLLATE NOCASE AND advertiser_id IS ? AND id <> ?"),
                       arguments: [code, item.advertiserId, item.id]) {
                    throw record.problem("code", "“\(code)” is already the code of line item \(holder) of the same advertiser")
                }
            }
            try expect("advertiser", item.advertiserId, from: record, field: "advertiser_id", kind: "advertiser")
            return try outcome(LineItem.descriptor, item, insert: { try insertNew(item, folded: record.searchName) }, write: { try loader.add(item) })
        case .placement(let placement):
            try expect("publisher", placement.publisherId, from: record, field: "publisher_id", kind: "publisher")
            return try outcome(Placement.descriptor, placement, insert: { try fresh.add(placement) }, write: { try loader.add(placement) })
        case .paymentRule(let rule):
            try expect("publisher", rule.publisherId, from: record, field: "publisher_id", kind: "publisher")
            return try outcome(PaymentRule.descriptor, rule, insert: { try fresh.add(rule) }, write: { try loader.add(rule) })
        case .tracker(let full, let draft, let id, let memberId, let kind):
            return try upsertTracker(full, draft: draft, id: id, memberId: memberId, kind: kind, invest: record.origin == .invest, loader: loader)
        }
    }

    /// An operator's row that broke input rules as it was read: refused only for what it changes
    /// of the object as stored (a value kept from Invest and left as it is passes).
    private func checkInput(_ record: ImportRecord) throws {
        let stored: ImportRecord.Object?
        switch record.object {
        case .advertiser(let o): stored = try SQLiteStore.fetch(Advertiser.descriptor, id: o.id, db).map { .advertiser($0) }
        case .publisher(let o): stored = try SQLiteStore.fetch(Publisher.descriptor, id: o.id, db).map { .publisher($0) }
        case .lineItem(let o): stored = try SQLiteStore.fetch(LineItem.descriptor, id: o.id, db).map { .lineItem($0) }
        case .placement(let o): stored = try SQLiteStore.fetch(Placement.descriptor, id: o.id, db).map { .placement($0) }
        case .paymentRule(let o): stored = try SQLiteStore.fetch(PaymentRule.descriptor, id: o.id, db).map { .paymentRule($0) }
        case .tracker: stored = nil
        }
        if let (field, problem) = record.object.inputProblems(comparedWith: stored).first {
            throw record.problem(field, problem.message)
        }
    }

    func upsertTracker(_ full: Tracker?, draft: TrackerDraft, id: Int64?, memberId: Int64?, kind: TrackerKind, invest: Bool,
                       loader: SQLiteCatalogLoader) throws -> UpsertOutcome {
        let tables = TrackerTables(kind: kind)
        if let id, let existing = try SQLiteStore.fetchTracker(db, id: id, in: tables) {
            let sameMember = memberId == nil || memberId == existing.memberId
            // Invest's values compare as they are; an operator's row as it would be stored.
            let stored = invest ? draft : TrackerDraft(
                name: existing.name == draft.name ? draft.name : TrackerRules.normalizedName(draft.name),
                code: existing.code == draft.code ? draft.code : TrackerRules.normalizedCode(draft.code),
                state: draft.state, clickUrl: draft.clickUrl, lineItemId: draft.lineItemId,
                publisherId: draft.publisherId, placementId: draft.placementId, paymentRuleId: draft.paymentRuleId)
            if existing.draft == stored, sameMember { return .unchanged }
        }
        let existed = try id.map { try SQLiteStore.fetchTracker(db, id: $0, in: tables) != nil } ?? false
        // Connected to Invest: an id is Invest's to give. A row may name a tracker this database
        // has, or one Invest has (pulled); a new id is refused, never exported as someone's.
        if let id, !existed, try SQLiteStore.isConnectedToInvest(db), try SQLiteStore.base(db, id: id, in: tables) == nil {
            throw ClicktraxError.invalid([ValidationIssue(.id, "\(kind == .click ? "tracker" : kind.noun) \(id) is not one Invest has: "
                + SQLiteStore.investGivesIds)])
        }
        var tracker = full ?? Tracker(id: 0, name: "", lineItem: ObjectRef(id: 0, name: ""), publisher: ObjectRef(id: 0, name: ""), lastModified: "")
        tracker.kind = kind
        tracker.id = try id ?? SQLiteStore.nextTrackerId(db, in: tables)
        tracker.name = draft.name
        tracker.code = draft.code
        tracker.state = draft.state
        tracker.clickUrl = draft.clickUrl
        tracker.lineItem.id = draft.lineItemId ?? 0
        tracker.publisher.id = draft.publisherId ?? 0
        tracker.tag = draft.placementId.map { ObjectRef(id: $0, name: "") }
        tracker.paymentRule = draft.paymentRuleId.map { ObjectRef(id: $0, name: "") }
        if let memberId { tracker.memberId = memberId }
        if full == nil { tracker.lastModified = "" }
        try loader.add(tracker, invest: invest)
        return existed ? .updated : .created
    }

    /// `INSERT … ON CONFLICT(id) DO NOTHING` of a line item, as `SQLiteCatalogLoader` with
    /// `insertOnly` does: the SQL and the bind order made once from the kind's descriptor, then
    /// each field's value bound in place; `folded` is its name folded already.
    private mutating func insertNew(_ item: LineItem, folded: String?) throws {
        let fields = LineItem.descriptor.fields
        if lineItemInsert == nil {
            let columns = LineItem.descriptor.keys + ["search_name"]
            lineItemInsert = try RawStatement(db, """
                INSERT INTO line_item (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                ON CONFLICT(id) DO NOTHING
                """)
        }
        guard let insert = lineItemInsert else { return }
        for (index, field) in fields.enumerated() { insert.bind(Int32(index + 1), field.get(item)) }
        insert.bind(Int32(fields.count + 1), folded ?? TextFolding.fold(item.name))
        try insert.run(db)
    }

    private func exists(_ table: String, _ id: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [id]) ?? false
    }

    /// Created, updated or unchanged: `insert` adds the row only if its id is new (one statement
    /// for the common case); otherwise the stored values of the kind's columns decide. They are
    /// listed only then: a million new rows need no arrays of columns and values.
    private func outcome<M>(_ kind: ObjectDescriptor<M>, _ model: M, insert: () throws -> Void, write: () throws -> Void) throws -> UpsertOutcome {
        try insert()
        if db.changesCount > 0 { return .created }
        guard let stored = try SQLiteStore.fetch(kind, id: kind.fields[0].get(model).integer ?? 0, db) else {
            try write()
            return .created
        }
        if kind.values(stored) == kind.values(model) { return .unchanged }
        try write()
        return .updated
    }
}
