import GRDB
import Synchronization

/// Upserts catalog objects and trackers by id inside the transaction of `SQLiteStore.load`,
/// through cached prepared statements, so a million line items load in seconds.
struct SQLiteCatalogLoader: CatalogLoader {
    let db: Database
    let store: SQLiteStore
    /// Insert only new ids and leave existing rows alone (an import's first try: most ids are
    /// new, and one statement then says so without a look-up first).
    var insertOnly = false

    func add(_ advertiser: Advertiser) throws { try upsert(Advertiser.descriptor, advertiser) }

    func add(_ lineItem: LineItem) throws {
        // The name folded for search rides along (TextFolding.fold), a column of the store's own.
        try upsert(LineItem.descriptor, lineItem, extra: ("search_name", .text(TextFolding.fold(lineItem.name))))
    }

    func add(_ publisher: Publisher) throws { try upsert(Publisher.descriptor, publisher) }

    func add(_ placement: Placement) throws { try upsert(Placement.descriptor, placement) }

    func add(_ paymentRule: PaymentRule) throws {
        guard paymentRule.publisherId != nil else {
            throw ClicktraxError.badInput("payment rule \(paymentRule.id): no publisher (its JSON carries none: name it with --publisher)")
        }
        try upsert(PaymentRule.descriptor, paymentRule)
    }

    /// Creates the tracker, or updates it when one with its id exists and differs; either way
    /// it is validated like an operator's edit and written to the change log.
    func add(_ tracker: Tracker) throws {
        try add(tracker, invest: false)
    }

    /// `invest`: the tracker is Invest's (an imported API page) and kept as it is; else the
    /// input rules judge what it changes.
    func add(_ tracker: Tracker, invest: Bool) throws {
        let tables = TrackerTables(kind: tracker.kind)
        let existing = try SQLiteStore.fetchTracker(db, id: tracker.id, in: tables)
        let judging: TrackerResolver.Judging = invest ? .asStored
            : .input(before: existing?.draft, issues: TrackerRules.check(tracker.draft, changedFrom: existing?.draft))
        let resolved = try TrackerResolver(db: db, tables: tables).resolve(tracker.draft, trackerId: tracker.id, judging: judging)
        let lastModified = tracker.lastModified.isEmpty ? Timestamp.now() : tracker.lastModified
        if let existing {
            guard existing.draft != tracker.draft || existing.memberId != tracker.memberId else { return }
            try db.execute(
                sql: """
                    UPDATE \(tables.trackers) SET name = ?, code = ?, state = ?, click_url = ?, line_item_id = ?,
                        publisher_id = ?, placement_id = ?, payment_rule_id = ?, member_id = ?, last_modified = ?,
                        revision = revision + 1
                    WHERE id = ?
                    """,
                arguments: resolved.columnValues + [tracker.memberId, lastModified, tracker.id])
            try store.log(db, .updated, id: tracker.id, before: existing, after: SQLiteStore.fetchTracker(db, id: tracker.id, in: tables), in: tables)
        } else {
            try db.execute(
                sql: """
                    INSERT INTO \(tables.trackers) (name, code, state, click_url, line_item_id, publisher_id,
                        placement_id, payment_rule_id, member_id, last_modified, id, revision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                    """,
                arguments: resolved.columnValues + [tracker.memberId, lastModified, tracker.id])
            try store.log(db, .created, id: tracker.id, before: nil, after: SQLiteStore.fetchTracker(db, id: tracker.id, in: tables), in: tables)
        }
    }

    func setMemberId(_ memberId: Int64) throws {
        try db.execute(
            sql: "INSERT INTO setting (key, value) VALUES ('member_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [String(memberId)])
    }

    /// Erases the catalog and the trackers of both kinds, keeping only each kind's id high-water
    /// mark: an id once given is never given again (a stale edit must not land on a new tracker
    /// that got the old one's id). Returns the marks.
    @discardableResult
    func eraseAll() throws -> [TrackerKind: Int64] {
        let kinds = [TrackerTables.click, .impression]
        let marks = try kinds.map { try SQLiteStore.trackerIdHighWater(db, in: $0) }
        // Children before parents, for the foreign keys.
        for table in kinds.flatMap({ [$0.changes, $0.trackers] }) + ["payment_rule", "placement", "publisher", "line_item", "advertiser"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        try db.execute(sql: "DELETE FROM setting WHERE key NOT IN (?, ?)", arguments: [kinds[0].idHighWaterKey, kinds[1].idHighWaterKey])
        for (tables, mark) in zip(kinds, marks) { try SQLiteStore.setSetting(db, tables.idHighWaterKey, String(mark)) }
        return Dictionary(uniqueKeysWithValues: zip(kinds.map(\.kind), marks))
    }

    private func upsert<M>(_ kind: ObjectDescriptor<M>, _ model: M, extra: (column: String, value: FieldValue)? = nil) throws {
        // The SQL text is built once per table and the statement prepared once per transaction:
        // this runs once per row of a million-row load.
        let columns = kind.keys + (extra.map { [$0.column] } ?? [])
        let statement = try db.cachedStatement(sql: Self.upsertSQL(kind.table, columns, insertOnly: insertOnly))
        var values = kind.fields.map { $0.get(model) }
        if let extra { values.append(extra.value) }
        try statement.execute(arguments: StatementArguments(values))
    }

    private static func upsertSQL(_ table: String, _ columns: [String], insertOnly: Bool) -> String {
        upsertSQLCache.withLock { cache in
            let key = insertOnly ? table + "+new" : table
            if let sql = cache[key] { return sql }
            let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders)) "
                + (insertOnly ? "ON CONFLICT(id) DO NOTHING" : "ON CONFLICT(id) DO UPDATE SET \(updates)")
            cache[key] = sql
            return sql
        }
    }

    private static let upsertSQLCache = Mutex<[String: String]>([:])
}
