import Foundation
import GRDB

extension SQLiteStore {
    /// Trackers with their references' names, as the API nests them.
    static func trackerSelect(_ tables: TrackerTables) -> String {
        """
        SELECT t.id, t.member_id, li.advertiser_id, t.name, t.code, t.state, t.click_url,
               t.line_item_id, li.name AS line_item_name,
               t.publisher_id, p.name AS publisher_name,
               t.placement_id, pl.name AS placement_name,
               t.payment_rule_id, pr.name AS payment_rule_name,
               t.last_modified, t.revision
        FROM \(tables.trackers) t
        JOIN line_item li ON li.id = t.line_item_id
        JOIN publisher p ON p.id = t.publisher_id
        LEFT JOIN placement pl ON pl.id = t.placement_id
        LEFT JOIN payment_rule pr ON pr.id = t.payment_rule_id
        """
    }

    /// A tracker from a row of `trackerSelect`, read by column position: a look-up by name
    /// lower-cases the name each time, a tenth of a frame's work when a keystroke fetches the
    /// screenful. The positions are `trackerSelect`'s, in its order.
    static func tracker(from row: Row, kind: TrackerKind) -> Tracker {
        func ref(_ idColumn: Int, _ nameColumn: Int) -> ObjectRef? {
            guard let id: Int64 = row[idColumn] else { return nil }
            return ObjectRef(id: id, name: row[nameColumn] ?? "")
        }
        return Tracker(
            id: row[0], memberId: row[1], advertiserId: row[2],
            name: row[3], code: row[4],
            state: ObjectState(rawValue: row[5]),
            clickUrl: row[6],
            lineItem: ref(7, 8)!,
            publisher: ref(9, 10)!,
            tag: ref(11, 12),
            paymentRule: ref(13, 14),
            lastModified: row[15], revision: row[16], kind: kind
        )
    }

    public func trackers(_ query: TrackerQuery) throws -> [Tracker] {
        try read { db in
            let (whereClause, arguments) = Self.filter(query)
            let direction = query.descending ? "DESC" : "ASC"
            var sql = "\(Self.trackerSelect(tables)) \(whereClause) ORDER BY \(Self.orderColumn(query.sort)) \(direction), t.id \(direction)"
            if let limit = query.limit { sql += " LIMIT \(max(0, limit)) OFFSET \(max(0, query.offset))" }
            let kind = tables.kind
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { Self.tracker(from: $0, kind: kind) }
        }
    }

    public func trackerIDs(_ query: TrackerQuery) throws -> [Int64] {
        try read { db in
            let (whereClause, arguments) = Self.filter(query)
            let direction = query.descending ? "DESC" : "ASC"
            let sql = """
                SELECT t.id FROM \(tables.trackers) t \(Self.joins(for: query))
                \(whereClause) ORDER BY \(Self.orderColumn(query.sort)) \(direction), t.id \(direction)
                """
            guard arguments.isEmpty else { return try Int64.fetchAll(db, sql: sql, arguments: arguments) }
            // The unfiltered list (the first frame waits for it): 100,000 ids stepped through
            // SQLite's C API, a fifth of the time of fetching them as GRDB values.
            var ids: [Int64] = []
            if query.sort == .id && query.state == nil && query.offset == 0 && query.limit == nil {
                // By ID, the smallest index holds every id: 1.4 MB of pages to read instead of the
                // table's 18 MB (at 100,000 trackers), then a sort of integers.
                try RawStatement(db, "SELECT id FROM \(tables.trackers) INDEXED BY \(tables.publisherIndex)").forEachRow(db) { ids.append($0.int64(0)) }
                // The plain sort is specialised for integers; a comparator closure costs 3× as much.
                ids.sort()
                if query.descending { ids.reverse() }
                return ids
            }
            try RawStatement(db, sql).forEachRow(db) { ids.append($0.int64(0)) }
            return ids
        }
    }

    public func trackerFilterIndex() throws -> TrackerFilterIndex {
        try read { db in
            // A cursor and column positions: 100,000 rows without building a dictionary per row.
            // Line item names are stored folded already; the few publisher names are folded once.
            var publishers: [Int64: String] = [:]
            var builder = TrackerFilterIndex.Builder()
            let rows = try Row.fetchCursor(db, sql: """
                SELECT t.id, t.name, t.code, li.search_name, t.publisher_id, p.name, t.state FROM \(tables.trackers) t
                JOIN line_item li ON li.id = t.line_item_id JOIN publisher p ON p.id = t.publisher_id
                """)
            while let row = try rows.next() {
                let publisherId: Int64 = row[4]
                if publishers[publisherId] == nil { publishers[publisherId] = TextFolding.fold(row[5]) }
                builder.add(id: row[0], folded: [TextFolding.fold(row[1]), TextFolding.fold(row[2] ?? ""), row[3], publishers[publisherId]!,
                                                 TextFolding.fold(row[6])])
            }
            return builder.index
        }
    }

    /// Only the joins the query needs: the screen's first frame lists 100,000 trackers by ID,
    /// and joining four tables for each of them would cost most of that frame.
    static func joins(for query: TrackerQuery) -> String {
        var joins: [String] = []
        let searching = !TextFolding.words(of: query.search ?? "").isEmpty
        if searching || query.sort == .lineItem { joins.append("JOIN line_item li ON li.id = t.line_item_id") }
        if searching || query.sort == .publisher { joins.append("JOIN publisher p ON p.id = t.publisher_id") }
        if query.sort == .placement { joins.append("LEFT JOIN placement pl ON pl.id = t.placement_id") }
        if query.sort == .paymentRule { joins.append("LEFT JOIN payment_rule pr ON pr.id = t.payment_rule_id") }
        return joins.joined(separator: " ")
    }

    public func trackers(ids: [Int64]) throws -> [Tracker] {
        let kind = tables.kind
        return try read { db in
            try Self.fetch(ids, in: db, select: Self.trackerSelect(tables), idColumn: "t.id", id: \.id) { Self.tracker(from: $0, kind: kind) }
        }
    }

    public func trackerCount(_ query: TrackerQuery) throws -> Int {
        try read { db in
            let (whereClause, arguments) = Self.filter(query)
            let sql = "SELECT COUNT(*) FROM \(tables.trackers) t \(Self.joins(for: TrackerQuery(search: query.search))) \(whereClause)"
            return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
        }
    }

    public func tracker(id: Int64) throws -> Tracker? {
        try read { db in try Self.fetchTracker(db, id: id, in: tables) }
    }

    static func fetchTracker(_ db: Database, id: Int64, in tables: TrackerTables) throws -> Tracker? {
        try Row.fetchOne(db.cachedStatement(sql: "\(trackerSelect(tables)) WHERE t.id = ?"), arguments: [id])
            .map { tracker(from: $0, kind: tables.kind) }
    }

    static func orderColumn(_ sort: TrackerSort) -> String {
        switch sort {
        case .id: "t.id"
        case .name: "t.name COLLATE NOCASE"
        case .code: "t.code COLLATE NOCASE"
        case .state: "t.state"
        case .lineItem: "li.name COLLATE NOCASE"
        case .publisher: "p.name COLLATE NOCASE"
        case .placement: "pl.name COLLATE NOCASE"
        case .paymentRule: "pr.name COLLATE NOCASE"
        case .landingPage: "t.click_url"
        case .lastModified: "t.last_modified"
        }
    }

    /// Each word of the search must appear in the name, code, line item or publisher, or be the ID.
    static func filter(_ query: TrackerQuery) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let state = query.state {
            conditions.append("t.state = ?")
            arguments += [state.rawValue]
        }
        for word in TextFolding.words(of: query.search ?? "") {
            let pattern = "%" + likeEscaped(word) + "%"
            conditions.append("""
                (CAST(t.id AS TEXT) = ? OR ctx_fold(t.name) LIKE ? ESCAPE '\\' \
                OR ctx_fold(COALESCE(t.code, '')) LIKE ? ESCAPE '\\' \
                OR ctx_fold(li.name) LIKE ? ESCAPE '\\' OR ctx_fold(p.name) LIKE ? ESCAPE '\\' OR ctx_fold(t.state) LIKE ? ESCAPE '\\')
                """)
            arguments += [word, pattern, pattern, pattern, pattern, pattern]
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return (clause, arguments)
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// The id a new tracker gets: past every tracker there is *and was*. A deleted tracker's id
    /// is never given again — tags exported with it may still be live on a page, and their
    /// clicks must not start counting for someone else's tracker.
    ///
    /// In a database connected to Invest the id is provisional (`InvestIDs`): Invest gives the
    /// real one when the tracker is pushed.
    static func nextTrackerId(_ db: Database, in tables: TrackerTables) throws -> Int64 {
        if try isConnectedToInvest(db) { return try nextProvisionalId(db, in: tables) }
        let next = try trackerIdHighWater(db, in: tables) + 1
        guard next < InvestIDs.provisionalBase else {
            throw ClicktraxError.operational("no tracker id is left below \(InvestIDs.provisionalBase) (the highest given is \(next - 1))")
        }
        return next
    }

    /// The highest tracker id ever given here (a local one: provisional ids are counted apart):
    /// the trackers', the change log's, and the mark kept when `demo --replace` erased both.
    static func trackerIdHighWater(_ db: Database, in tables: TrackerTables) throws -> Int64 {
        try Int64.fetchOne(db, sql: """
            SELECT MAX(COALESCE((SELECT MAX(id) FROM \(tables.trackers) WHERE id < ?1), 0),
                       COALESCE((SELECT MAX(tracker_id) FROM \(tables.changes) WHERE tracker_id < ?1), 0),
                       COALESCE((SELECT CAST(value AS INTEGER) FROM setting WHERE key = ?2), 0))
            """, arguments: [InvestIDs.provisionalBase, tables.idHighWaterKey]) ?? 0
    }

    /// A tracker's first revision: one past every revision its id had before (deleted, then made
    /// again with `--id`), so an edit of the old one can never pass for an edit of the new.
    static func firstRevision(_ db: Database, id: Int64, in tables: TrackerTables) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COALESCE(MAX(MAX(COALESCE(json_extract(before, '$.revision'), 0), COALESCE(json_extract(after, '$.revision'), 0))), 0) + 1
            FROM \(tables.changes) WHERE tracker_id = ?
            """, arguments: [id]) ?? 1
    }

    public func createTracker(_ draft: TrackerDraft, id: Int64?) throws -> TrackerWrite {
        // The operator's rules judge the draft here, before the transaction (they need no
        // catalog); the references and the code's holder are checked inside it, all reported together.
        let issues = TrackerRules.check(draft, changedFrom: nil)
        return try write { db in
            var written = TrackerWrite()
            written.append(try create(db, draft, id: id, issues: issues), change: db.lastInsertedRowID)
            return written
        }
    }

    /// A new tracker, logged; `issues` are the draft's own (judged by the caller).
    func create(_ db: Database, _ draft: TrackerDraft, id: Int64?, issues: [ValidationIssue]) throws -> Tracker {
        if let id, let existing = try Self.fetchTracker(db, id: id, in: tables) {
            throw ClicktraxError.invalid([ValidationIssue(.id, "\(tables.kind.noun) \(id) already exists (“\(existing.name)”)")])
        }
        if let id, !InvestIDs.isValid(id) { throw ClicktraxError.invalid([ValidationIssue(.id, InvestIDs.rangeProblem(id))]) }
        if id != nil, try Self.isConnectedToInvest(db) {
            throw ClicktraxError.invalid([ValidationIssue(.id, Self.investGivesIds)])
        }
        let resolved = try TrackerResolver(db: db, tables: tables).resolve(draft, trackerId: id, judging: .input(before: nil, issues: issues))
        let newId = try id ?? SQLiteStore.nextTrackerId(db, in: tables)
        let memberId = try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'member_id'")
        try db.execute(
            sql: """
                INSERT INTO \(tables.trackers) (id, member_id, name, code, state, click_url, line_item_id,
                    publisher_id, placement_id, payment_rule_id, last_modified, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [newId, memberId] + resolved.columnValues + [Timestamp.now(), try Self.firstRevision(db, id: newId, in: tables)])
        let created = try Self.fetchTracker(db, id: newId, in: tables)!
        try log(db, .created, id: newId, before: nil, after: created, in: tables)
        return created
    }

    /// A copy of each tracker, in one transaction: "Copy of …", no code (codes are unique), the
    /// same line item, publisher, placement, payment rule, landing page and state.
    public func duplicateTrackers(ids: [Int64]) throws -> TrackerWrite {
        try write { db in
            var written = TrackerWrite()
            for id in ids {
                guard let original = try Self.fetchTracker(db, id: id, in: tables) else { throw ClicktraxError.notFound(kind: tables.kind.noun, id: id) }
                var draft = original.draft
                draft.name = TrackerRules.acceptableName("Copy of " + original.name)
                draft.code = nil
                written.append(try create(db, draft, id: nil, issues: TrackerRules.check(draft, changedFrom: nil)), change: db.lastInsertedRowID)
            }
            return written
        }
    }

    static let investGivesIds = "in a database connected to Invest, Invest gives a new tracker its id: leave the id out "
        + "(the tracker is pending until clicktrax invest push gives it Invest's)"

    public func updateTracker(id: Int64, with draft: TrackerDraft, expectedRevision: Int) throws -> TrackerWrite {
        // Judged before the transaction against the tracker as read now; inside, the same
        // revision means the same fields (else it is judged again there).
        let judged = try tracker(id: id)
        let issues = TrackerRules.check(draft, changedFrom: judged?.draft)
        return try write { db in
            let before = try Self.currentTracker(db, id: id, expectedRevision: expectedRevision, in: tables)
            let rulesSay = before.revision == judged?.revision ? issues : TrackerRules.check(draft, changedFrom: before.draft)
            let resolved = try TrackerResolver(db: db, tables: tables).resolve(draft, trackerId: id, judging: .input(before: before.draft, issues: rulesSay))
            // Nothing differs: no new revision, no change-log entry, no new last_modified (a sync
            // would otherwise push a change that is none).
            let same = try Bool.fetchOne(db, sql: """
                SELECT 1 FROM \(tables.trackers) WHERE name IS ? AND code IS ? AND state IS ? AND click_url IS ?
                    AND line_item_id IS ? AND publisher_id IS ? AND placement_id IS ? AND payment_rule_id IS ? AND id = ?
                """, arguments: resolved.columnValues + [id]) ?? false
            if same { return TrackerWrite(trackers: [before]) }
            try db.execute(
                sql: """
                    UPDATE \(tables.trackers) SET name = ?, code = ?, state = ?, click_url = ?, line_item_id = ?,
                        publisher_id = ?, placement_id = ?, payment_rule_id = ?, last_modified = ?,
                        revision = revision + 1
                    WHERE id = ? AND revision = ?
                    """,
                arguments: resolved.columnValues + [Timestamp.now(), id, expectedRevision])
            let after = try Self.fetchTracker(db, id: id, in: tables)!
            try log(db, .updated, id: id, before: before, after: after, in: tables)
            return TrackerWrite(trackers: [after], changes: [db.lastInsertedRowID], changedIds: [id])
        }
    }

    /// The tracker as stored, provided it is still at the revision the caller read.
    static func currentTracker(_ db: Database, id: Int64, expectedRevision: Int?, in tables: TrackerTables) throws -> Tracker {
        guard let current = try fetchTracker(db, id: id, in: tables) else {
            throw ClicktraxError.notFound(kind: tables.kind.noun, id: id)
        }
        if let expectedRevision, current.revision != expectedRevision {
            throw ClicktraxError.conflict(
                "\(tables.kind == .click ? "tracker" : tables.kind.noun) \(id) was changed since it was read (revision \(expectedRevision) → \(current.revision), "
                    + "last modified \(current.lastModified) UTC); your save was refused so that change is not "
                    + "lost: reload it and apply your edit again")
        }
        return current
    }

    public func setState(_ state: ObjectState, trackerIds: [Int64]) throws -> TrackerWrite {
        try write { db in
            var result = TrackerWrite()
            for id in trackerIds {
                let before = try Self.currentTracker(db, id: id, expectedRevision: nil, in: tables)
                guard before.state != state else { result.append(before, change: nil); continue }
                try db.execute(
                    sql: "UPDATE \(tables.trackers) SET state = ?, last_modified = ?, revision = revision + 1 WHERE id = ?",
                    arguments: [state.rawValue, Timestamp.now(), id])
                let after = try Self.fetchTracker(db, id: id, in: tables)!
                try log(db, state == .active ? .activated : .deactivated, id: id, before: before, after: after, in: tables)
                result.append(after, change: db.lastInsertedRowID)
            }
            return result
        }
    }

    public func deleteTrackers(ids: [Int64]) throws -> TrackerWrite {
        try write { db in
            var deleted = TrackerWrite()
            for id in ids {
                let before = try Self.currentTracker(db, id: id, expectedRevision: nil, in: tables)
                try db.execute(sql: "DELETE FROM \(tables.trackers) WHERE id = ?", arguments: [id])
                try log(db, .deleted, id: id, before: before, after: nil, in: tables)
                deleted.append(before, change: db.lastInsertedRowID)
            }
            return deleted
        }
    }

    /// An entry in `tables`' change log (the click trackers' unless told: the Invest sync and the
    /// catalog load write only those).
    func log(_ db: Database, _ action: TrackerChange.Action, id: Int64, before: Tracker?, after: Tracker?,
             actor: String? = nil, in tables: TrackerTables) throws {
        try db.cachedStatement(
            sql: "INSERT INTO \(tables.changes) (changed_at, tracker_id, action, before, after, actor) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [Timestamp.now(), id, action.rawValue, TrackerSnapshot.json(before), TrackerSnapshot.json(after),
                              actor ?? self.actor])
    }

    public func changes(trackerId: Int64?, limit: Int) throws -> [TrackerChange] {
        try read { db in
            let rows: [Row]
            if let trackerId {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM \(tables.changes) WHERE tracker_id = ? ORDER BY seq DESC LIMIT ?",
                    arguments: [trackerId, limit])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM \(tables.changes) ORDER BY seq DESC LIMIT ?", arguments: [limit])
            }
            let kind = tables.kind
            return try rows.map { try Self.change(from: $0, kind: kind) }
        }
    }

    static func fetchChange(_ db: Database, sequence: Int64, in tables: TrackerTables) throws -> TrackerChange? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(tables.changes) WHERE seq = ?"), arguments: [sequence])
            .map { try change(from: $0, kind: tables.kind) }
    }

    static func change(from row: Row, kind: TrackerKind = .click) throws -> TrackerChange {
        TrackerChange(
            sequence: row["seq"], changedAt: row["changed_at"], trackerId: row["tracker_id"],
            action: TrackerChange.Action(rawValue: row["action"]) ?? .updated,
            before: try TrackerSnapshot.tracker(fromJSON: row["before"], kind: kind),
            after: try TrackerSnapshot.tracker(fromJSON: row["after"], kind: kind),
            actor: row["actor"])
    }
}
