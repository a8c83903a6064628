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

    func add(_ advertiser: Advertiser) throws {
        try upsert("advertiser", ["id", "code", "name", "state"],
                   [advertiser.id, advertiser.code, advertiser.name, advertiser.state.rawValue])
    }

    func add(_ lineItem: LineItem) throws {
        try upsert(
            "line_item",
            ["id", "code", "name", "state", "advertiser_id", "line_item_type", "revenue_type", "revenue_value",
             "currency", "start_date", "end_date", "search_name"],
            [lineItem.id, lineItem.code, lineItem.name, lineItem.state.rawValue, lineItem.advertiserId,
             lineItem.lineItemType, lineItem.revenueType, lineItem.revenueValue, lineItem.currency,
             lineItem.startDate, lineItem.endDate, TextFolding.fold(lineItem.name)])
    }

    func add(_ publisher: Publisher) throws {
        try upsert("publisher", ["id", "code", "name", "state"],
                   [publisher.id, publisher.code, publisher.name, publisher.state.rawValue])
    }

    func add(_ placement: Placement) throws {
        try upsert("placement", ["id", "code", "name", "state", "publisher_id", "width", "height"],
                   [placement.id, placement.code, placement.name, placement.state.rawValue, placement.publisherId,
                    placement.width, placement.height])
    }

    func add(_ paymentRule: PaymentRule) throws {
        guard let publisherId = paymentRule.publisherId else {
            throw ClicktraxError.badInput("payment rule \(paymentRule.id): no publisher (its JSON carries none: name it with --publisher)")
        }
        try upsert("payment_rule",
                   ["id", "code", "name", "state", "publisher_id", "pricing_type", "cost_cpm", "revshare", "priority"],
                   [paymentRule.id, paymentRule.code, paymentRule.name, paymentRule.state.rawValue, publisherId,
                    paymentRule.pricingType.rawValue, paymentRule.costCpm, paymentRule.revshare, paymentRule.priority])
    }

    /// Creates the tracker, or updates it when one with its id exists and differs; either way
    /// it is validated like an operator's edit and written to the change log.
    func add(_ tracker: ClickTracker) throws {
        let existing = try SQLiteStore.fetchTracker(db, id: tracker.id)
        let resolved = try TrackerResolver(db: db).resolve(tracker.draft, trackerId: tracker.id)
        let lastModified = tracker.lastModified.isEmpty ? Timestamp.now() : tracker.lastModified
        if let existing {
            guard existing.draft != tracker.draft || existing.memberId != tracker.memberId else { return }
            try db.execute(
                sql: """
                    UPDATE click_tracker SET name = ?, code = ?, state = ?, click_url = ?, line_item_id = ?,
                        publisher_id = ?, placement_id = ?, payment_rule_id = ?, member_id = ?, last_modified = ?,
                        revision = revision + 1
                    WHERE id = ?
                    """,
                arguments: resolved.columnValues + [tracker.memberId, lastModified, tracker.id])
            try store.log(db, .updated, id: tracker.id, before: existing, after: SQLiteStore.fetchTracker(db, id: tracker.id))
        } else {
            try db.execute(
                sql: """
                    INSERT INTO click_tracker (name, code, state, click_url, line_item_id, publisher_id,
                        placement_id, payment_rule_id, member_id, last_modified, id, revision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                    """,
                arguments: resolved.columnValues + [tracker.memberId, lastModified, tracker.id])
            try store.log(db, .created, id: tracker.id, before: nil, after: SQLiteStore.fetchTracker(db, id: tracker.id))
        }
    }

    func setMemberId(_ memberId: Int64) throws {
        try db.execute(
            sql: "INSERT INTO setting (key, value) VALUES ('member_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [String(memberId)])
    }

    /// Erases the catalog and the trackers, keeping only the trackers' id high-water mark: an id
    /// once given is never given again (a stale edit must not land on a new tracker that got
    /// the old one's id). Returns that mark.
    @discardableResult
    func eraseAll() throws -> Int64 {
        let high = try SQLiteStore.trackerIdHighWater(db)
        // Children before parents, for the foreign keys.
        for table in ["tracker_change", "click_tracker", "payment_rule", "placement", "publisher", "line_item", "advertiser"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        try db.execute(sql: "DELETE FROM setting WHERE key <> ?", arguments: [SQLiteStore.trackerHighWaterKey])
        try SQLiteStore.setSetting(db, SQLiteStore.trackerHighWaterKey, String(high))
        return high
    }

    private func upsert(_ table: String, _ columns: [String], _ values: StatementArguments) throws {
        // The SQL text is built once per table and the statement prepared once per transaction:
        // this runs once per row of a million-row load.
        let statement = try db.cachedStatement(sql: Self.upsertSQL(table, columns, insertOnly: insertOnly))
        try statement.execute(arguments: values)
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
