import Foundation
import GRDB

/// A pull lands in the `invest_stage_*` tables page by page, then reaches the catalog and the
/// trackers in one transaction (`applyPull`): until then nothing an operator sees changes, and
/// an interrupted pull keeps what it fetched for the next run to resume from.
extension SQLiteStore {
    static let stageKey = "invest.stage"
    static let stageStartedKey = "invest.stage.started"
    /// The run that owns the stage: a pull stages and applies only a stage it owns (a resumed
    /// run takes it over; another pull that took it meanwhile makes this one stop).
    static let stageOwnerKey = "invest.stage.owner"
    static let stageTables = ["invest_stage_list", "invest_stage_page", "invest_stage_advertiser", "invest_stage_line_item",
                              "invest_stage_publisher", "invest_stage_placement", "invest_stage_payment_rule",
                              "invest_stage_note"] + TrackerTables.all.map(\.staged)

    public func openPullStage(key: String) throws -> PullStage {
        try write { db in
            let current = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.stageKey])
            let upsert = "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            var stage = PullStage()
            try db.execute(sql: upsert, arguments: [Self.stageOwnerKey, stage.owner])
            if current != key {
                for table in Self.stageTables { try db.execute(sql: "DELETE FROM \(table)") }
                try db.execute(sql: upsert, arguments: [Self.stageKey, key])
                try db.execute(sql: upsert, arguments: [Self.stageStartedKey, stage.startedAt])
                return stage
            }
            stage.startedAt = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.stageStartedKey])
                ?? stage.startedAt
            for row in try Row.fetchAll(db, sql: "SELECT list, count FROM invest_stage_list") {
                stage.lists[row[0]] = (row[1], [])
            }
            for row in try Row.fetchAll(db, sql: "SELECT list, start FROM invest_stage_page") {
                let list: String = row[0]
                stage.lists[list]?.pages.insert(row[1])
            }
            return stage
        }
    }

    public func discardStagedList(_ list: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM invest_stage_list WHERE list = ?", arguments: [list])
            try db.execute(sql: "DELETE FROM invest_stage_page WHERE list = ?", arguments: [list])
        }
    }

    /// The stage is still `owner`'s, or the error saying another pull took it.
    static func checkStageOwner(_ db: Database, _ owner: String) throws {
        guard try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [stageOwnerKey]) == owner else {
            throw ClicktraxError.operational("another pull of this database took over its staged pages; this one stopped without applying anything")
        }
    }

    /// Pages in one transaction: a thousand small commits would each wait for the disk.
    public func stage(_ pages: [StagedPage], owner: String) throws {
        guard !pages.isEmpty else { return }
        try write { db in
            try Self.checkStageOwner(db, owner)
            for page in pages {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO invest_stage_list (list, count) VALUES (?, ?)")
                    .execute(arguments: [page.list, page.count])
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO invest_stage_page (list, start) VALUES (?, ?)")
                    .execute(arguments: [page.list, page.start])
                // What the page could not keep is staged with it: a resumed pull still says so.
                try db.cachedStatement(sql: "DELETE FROM invest_stage_note WHERE list = ? AND start = ?").execute(arguments: [page.list, page.start])
                for (skipped, note) in page.skipped.map({ (true, $0) }) + page.notes.map({ (false, $0) }) {
                    try db.cachedStatement(sql: "INSERT INTO invest_stage_note (list, start, skipped, note) VALUES (?, ?, ?, ?)")
                        .execute(arguments: [page.list, page.start, skipped, note])
                }
                try Self.stageObjects(db, page.objects)
            }
        }
    }

    /// Invest's objects as Invest has them (RULES.md §10): no rule of the operator's refuses one.
    static func stageObjects(_ db: Database, _ objects: ObjectBatch) throws {
        switch objects {
        case .advertisers(let list): try stage(db, Advertiser.descriptor, list)
        case .publishers(let list): try stage(db, Publisher.descriptor, list)
        case .lineItems(let list): try stage(db, LineItem.descriptor, list)
        case .placements(let list): try stage(db, Placement.descriptor, list)
        case .paymentRules(let list): try stage(db, PaymentRule.descriptor, list)
        case .trackers(let list): try stageTrackers(db, list, in: .click)
        case .impTrackers(let list): try stageTrackers(db, list.map(\.tracker), in: .impression)
        }
    }

    private static func stageTrackers(_ db: Database, _ list: [Tracker], in tables: TrackerTables) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(tables.staged) VALUES (?, ?, ?)")
        for o in list { try statement.execute(arguments: [o.id, o.advertiserId ?? 0, try investJSON(o)]) }
    }

    private static func stage<M>(_ db: Database, _ kind: ObjectDescriptor<M>, _ list: [M]) throws {
        let placeholders = Array(repeating: "?", count: kind.fields.count).joined(separator: ", ")
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO invest_stage_\(kind.table) (\(kind.keys.joined(separator: ", "))) VALUES (\(placeholders))")
        for object in list { try statement.execute(arguments: kind.arguments(object)) }
    }

    /// Catalog tables and their staged twins, parents first; the columns copied (every field
    /// of the kind's but its id).
    static let stagedCatalog: [(table: String, label: String, columns: [String])] = [
        (Advertiser.descriptor.table, ObjectKind.advertiser.pluralNoun, Array(Advertiser.descriptor.keys.dropFirst())),
        (Publisher.descriptor.table, ObjectKind.publisher.pluralNoun, Array(Publisher.descriptor.keys.dropFirst())),
        (LineItem.descriptor.table, ObjectKind.lineItem.pluralNoun, Array(LineItem.descriptor.keys.dropFirst())),
        (Placement.descriptor.table, ObjectKind.placement.pluralNoun, Array(Placement.descriptor.keys.dropFirst())),
        (PaymentRule.descriptor.table, ObjectKind.paymentRule.pluralNoun, Array(PaymentRule.descriptor.keys.dropFirst())),
    ]

    public func applyPull(_ plan: PullPlan) throws -> PullSummary {
        try write { db in
            if let owner = plan.owner { try Self.checkStageOwner(db, owner) }
            // 64 MB, as an import: the hot index pages of a big apply, within the pull's memory budget.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Only a page-cache size: failing to shrink it back keeps the bigger cache, nothing else.
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            var summary = PullSummary()
            // The search index is of names: only new or renamed line items (or removed ones) make
            // it stale. A pull that changed budgets and dates keeps it; a hundred renamed of a
            // million go to its overlay (`SearchOverlay`) instead of a rebuild.
            let stagedLineItems = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invest_stage_line_item") ?? 0
            // A first pull of a big catalog: build the line item indexes once at the end, as a bulk load does.
            let bulk = stagedLineItems > 50_000
            try Self.lineItemsRenamed(db)
            let indexes = bulk ? try Row.fetchAll(
                db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'line_item' AND sql IS NOT NULL") : []
            for index in indexes { try db.execute(sql: "DROP INDEX \(index["name"] as String)") }
            for (table, label, columns) in Self.stagedCatalog {
                let list = columns.joined(separator: ", ")
                var insertColumns = "id, " + list
                var selectColumns = "s.id, " + columns.map { "s.\($0)" }.joined(separator: ", ")
                var updates = columns.map { "\($0) = excluded.\($0)" }
                if table == "line_item" {
                    insertColumns += ", search_name"
                    selectColumns += ", ctx_fold(s.name)"
                    updates.append("search_name = excluded.search_name")
                }
                let changed = "(\(columns.map { "\(table).\($0)" }.joined(separator: ", "))) IS NOT (\(columns.map { "excluded.\($0)" }.joined(separator: ", ")))"
                try db.execute(sql: """
                    INSERT INTO \(table) (\(insertColumns)) SELECT \(selectColumns) FROM invest_stage_\(table) s WHERE true
                    ON CONFLICT(id) DO UPDATE SET \(updates.joined(separator: ", ")) WHERE \(changed)
                    """)
                if db.changesCount > 0 { summary.changed[label] = db.changesCount }
            }
            for tables in TrackerTables.all {
                // Trackers whose id Invest never gave — made here before this database was
                // connected (or, by an older Clicktrax, with --id after): unknown to Invest, whatever
                // their id says. They move to the provisional range (their old id kept as the last
                // digits) and are pending like any tracker made here, so no tag is ever exported
                // with an id that is someone else's on Invest (issue 28).
                let localOnly = try Int64.fetchAll(db, sql: """
                    SELECT id FROM \(tables.trackers) WHERE id < ? AND id NOT IN (SELECT id FROM \(tables.investCopies)) ORDER BY id
                    """, arguments: [InvestIDs.provisionalBase])
                for id in localOnly {
                    try Self.renumber(db, from: id, to: InvestIDs.provisionalBase + id, in: tables)
                    summary[tables.kind].renumbered.append(.init(from: id, to: InvestIDs.provisionalBase + id))
                }
            }
            for tables in TrackerTables.all {
                try applyTrackers(db, plan, &summary, in: tables)
                if plan.full { try removeTrackersInvestLacks(db, plan, &summary, in: tables) }
            }
            if plan.full { try removeCatalogInvestLacks(db, plan, &summary) }
            try Self.rebuild(indexes, db)
            if summary.removed["line items"] != nil { try Self.catalogChanged(db) }
            // Said once: what this pull kept as Invest has it that would not be accepted if typed,
            // and what it could not keep at all.
            summary.legacy = try Self.legacyValues(db, staged: true)
            for row in try Row.fetchAll(db, sql: "SELECT skipped, note FROM invest_stage_note ORDER BY list, start, rowid") {
                if row[0] as Bool { summary.skippedObjects.append(row[1]) } else { summary.leftEmpty.append(row[1]) }
            }
            var connection = try Self.connection(db) ?? InvestConnection(api: "", username: "")
            connection.lastPull = plan.finishedAt
            connection.mark = plan.mark
            try Self.saveConnection(db, connection)
            for table in Self.stageTables { try db.execute(sql: "DELETE FROM \(table)") }
            try db.execute(sql: "DELETE FROM setting WHERE key IN (?, ?, ?)", arguments: [Self.stageKey, Self.stageStartedKey, Self.stageOwnerKey])
            return summary
        }
    }

    /// Invest's trackers against this database's: new ones are added, ones changed only on
    /// Invest are updated, ones changed on both sides become conflicting — a pull never
    /// overwrites a pending local change.
    private func applyTrackers(_ db: Database, _ plan: PullPlan, _ summary: inout PullSummary, in tables: TrackerTables) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT json FROM \(tables.staged) ORDER BY id")
        var staged: [Tracker] = []
        while let row = try rows.next() { staged.append(try Self.investTracker(json: row[0], in: tables)) }
        try retryClashes(db, &summary, in: tables)
        // Codes unique here as on Invest: a tracker whose code a tracker here still holds waits
        // until that one has taken its own new code (Invest moved the code between them).
        let moving = try Set(staged.map(\.id).filter { try !Self.isPending(db, id: $0, in: tables) })
        var waiting = staged
        while !waiting.isEmpty {
            var blocked: [Tracker] = []
            for theirs in waiting {
                if let holder = try Self.codeHolder(db, of: theirs, in: tables), moving.contains(holder.id) {
                    blocked.append(theirs)
                } else {
                    try applyTracker(db, theirs, &summary, in: tables)
                }
            }
            if blocked.count == waiting.count {
                // Codes swapped among trackers that all wait for each other: released, then
                // written as Invest has them.
                var before: [Int64: Tracker] = [:]
                for theirs in blocked {
                    guard let holder = try Self.codeHolder(db, of: theirs, in: tables) else { continue }
                    before[holder.id] = try Self.fetchTracker(db, id: holder.id, in: tables)
                    try db.execute(sql: "UPDATE \(tables.trackers) SET code = NULL WHERE id = ?", arguments: [holder.id])
                }
                for theirs in blocked { try applyTracker(db, theirs, &summary, before: before[theirs.id], in: tables) }
                break
            }
            waiting = blocked
        }
    }

    /// One of Invest's trackers against this database's: new ones are added, ones changed only
    /// on Invest are updated, ones changed on both sides become conflicting — a pull never
    /// overwrites a pending local change. `before`: the tracker as it was before this pull
    /// released its code.
    private func applyTracker(_ db: Database, _ theirs: Tracker, _ summary: inout PullSummary, before: Tracker? = nil, in tables: TrackerTables) throws {
        let advertiserId = theirs.advertiserId ?? 0
        let base = try Self.base(db, id: theirs.id, in: tables)
        let mine = try Self.fetchTracker(db, id: theirs.id, in: tables)
        if let reason = try Self.unstorableReferences(db, theirs) {
            summary.skipped.append("\(tables.kind.shortNoun) \(theirs.id) (“\(TerminalSafe.clip(theirs.name, 60))”): \(reason)")
            return
        }
        if let base, base.lastModified == theirs.lastModified, base.draft == theirs.draft { return }
        let inConflict = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(tables.conflicts) WHERE tracker_id = ?)",
                                           arguments: [theirs.id]) ?? false
        if let base, mine == nil || mine!.draft != base.draft || inConflict {
            if let mine, mine.draft == theirs.draft {
                // Both sides made the same change: nothing to push, nothing to choose.
                try Self.writeBase(db, theirs, advertiserId: advertiserId, in: tables)
                try db.execute(sql: "DELETE FROM \(tables.conflicts) WHERE tracker_id = ?", arguments: [theirs.id])
            } else {
                try Self.recordConflict(db, id: theirs.id, theirs: theirs,
                                        reason: mine == nil ? "deleted here, changed on Invest" : "changed here and on Invest", in: tables)
                summary[tables.kind].conflicts.append(theirs.id)
            }
            return
        }
        if base == nil, let mine {
            // Made here before this database was connected: Invest's id was never its own.
            let newId = try Self.nextProvisionalId(db, in: tables)
            try Self.renumber(db, from: mine.id, to: newId, in: tables)
            summary[tables.kind].renumbered.append(.init(from: mine.id, to: newId))
        }
        // The answer to a push cut after Invest stored it: that tracker takes Invest's id, never
        // a second one beside it (issue 28).
        if base == nil, let entry = try unsettledCreate(db, answeredBy: theirs, in: tables) {
            _ = try recordPushed(db, localId: entry.trackerId, invest: theirs, sentRevision: entry.revision, in: tables)
            summary[tables.kind].adopted.append(.init(from: entry.trackerId, to: theirs.id))
            return
        }
        // Its code is held here by a tracker waiting for a push: a conflict naming both; the
        // rest of the pull lands, and this one comes in once the codes differ.
        if let holder = try Self.codeHolder(db, of: theirs, in: tables) {
            try Self.recordClash(db, holder: holder.id, with: theirs, in: tables)
            summary[tables.kind].conflicts.append(holder.id)
            summary.skipped.append("\(tables.kind.shortNoun) \(theirs.id) (“\(TerminalSafe.clip(theirs.name, 60))”): its code “\(TerminalSafe.clip(theirs.code ?? "", 40))” "
                                   + "is held here by \(tables.kind.shortNoun) \(holder.id), which waits for a push — a conflict now (clicktrax invest status)")
            return
        }
        try writeInvestCopy(db, theirs, actor: Self.pullActor, before: before, in: tables)
        try Self.writeBase(db, theirs, advertiserId: advertiserId, in: tables)
        if base == nil { summary[tables.kind].added += 1 } else { summary[tables.kind].updated += 1 }
    }

    /// Another tracker here holding `theirs`'s code (whatever its case).
    static func codeHolder(_ db: Database, of theirs: Tracker, in tables: TrackerTables) throws -> (id: Int64, name: String)? {
        guard let code = theirs.code else { return nil }
        return try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name FROM \(tables.trackers) WHERE code = ? COLLATE NOCASE AND id <> ?"),
                                arguments: [code, theirs.id]).map { ($0[0], $0[1]) }
    }

    /// A tracker with a change here that Invest does not have: made here, edited or deleted
    /// since the last copy of Invest's, or conflicting.
    static func isPending(_ db: Database, id: Int64, in tables: TrackerTables) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT NOT EXISTS (SELECT 1 FROM \(tables.investCopies) b JOIN \(tables.trackers) t ON t.id = b.id WHERE b.id = ?1 AND NOT \(differsFromBase))
                OR EXISTS (SELECT 1 FROM \(tables.conflicts) WHERE tracker_id = ?1)
            """, arguments: [id]) ?? true
    }

    /// A code clash: `holder`, pending here, has the code of Invest's `theirs`, which is kept in
    /// the conflict until the codes differ (`retryClashes`).
    static func recordClash(_ db: Database, holder: Int64, with theirs: Tracker, in tables: TrackerTables) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO \(tables.conflicts) (tracker_id, theirs, reason, found_at, clash_with) VALUES (?, ?, ?, ?, ?)
            """, arguments: [holder, try investJSON(theirs),
                             "its code “\(theirs.code ?? "")” is also the code of Invest's tracker \(theirs.id) (“\(theirs.name)”)",
                             Timestamp.now(), theirs.id])
    }

    /// Clashes of earlier pulls whose code is free now (the tracker here was given another, or
    /// dropped): Invest's tracker comes in, and the conflict is gone.
    func retryClashes(_ db: Database, _ summary: inout PullSummary, in tables: TrackerTables) throws {
        for row in try Row.fetchAll(db, sql: "SELECT tracker_id, theirs FROM \(tables.conflicts) WHERE clash_with IS NOT NULL") {
            guard let json = row[1] as String? else { continue }
            let theirs = try Self.investTracker(json: json, in: tables)
            guard try Self.codeHolder(db, of: theirs, in: tables) == nil, try Self.unstorableReferences(db, theirs) == nil else { continue }
            try db.execute(sql: "DELETE FROM \(tables.conflicts) WHERE tracker_id = ?", arguments: [row[0] as Int64])
            if try Self.base(db, id: theirs.id, in: tables) == nil && Self.fetchTracker(db, id: theirs.id, in: tables) == nil {
                try writeInvestCopy(db, theirs, actor: Self.pullActor, in: tables)
                try Self.writeBase(db, theirs, advertiserId: theirs.advertiserId ?? 0, in: tables)
                summary[tables.kind].added += 1
            }
        }
    }

    /// The outbox's create that `theirs` answers, if one does: the same fields (code, when it
    /// has one), made since the request was written down.
    func unsettledCreate(_ db: Database, answeredBy theirs: Tracker, in tables: TrackerTables) throws -> OutboxEntry? {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(tables.outbox) WHERE action = 'create' ORDER BY written_at, tracker_id")
        for row in rows {
            guard let intent = try (row["intent"] as String?).map { try Self.investTracker(json: $0, in: tables) }, InvestPush.same(intent, theirs),
                  theirs.lastModified >= InvestPush.earliest(row["written_at"]) else { continue }
            return OutboxEntry(trackerId: row["tracker_id"], action: .create, advertiserId: row["advertiser_id"], intent: intent,
                               baseLastModified: nil, writtenAt: row["written_at"], revision: row["revision"])
        }
        return nil
    }

    /// Whether the tracker can be stored as Invest has it: its line item and publisher are here,
    /// and its placement and payment rule are here and of its publisher (the store's foreign
    /// keys hold each pair). nil when it can; else why not.
    static func unstorableReferences(_ db: Database, _ tracker: Tracker) throws -> String? {
        func publisher(of table: String, _ id: Int64) throws -> Int64?? {
            try Int64?.fetchOne(db.cachedStatement(sql: "SELECT publisher_id FROM \(table) WHERE id = ?"), arguments: [id])
        }
        func exists(_ table: String, _ id: Int64) throws -> Bool {
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [id]) ?? false
        }
        if try !exists("line_item", tracker.lineItem.id) { return "its line item \(tracker.lineItem.id) was not pulled" }
        if try !exists("publisher", tracker.publisher.id) { return "its publisher \(tracker.publisher.id) was not pulled" }
        for (noun, table, reference) in [("placement", "placement", tracker.tag), ("payment rule", "payment_rule", tracker.paymentRule)] {
            guard let reference else { continue }
            switch try publisher(of: table, reference.id) {
            case nil: return "its \(noun) \(reference.id) was not pulled"
            case let owner?? where owner != tracker.publisher.id:
                return "its \(noun) \(reference.id) belongs to publisher \(owner), not to the tracker's publisher \(tracker.publisher.id)"
            default: continue
            }
        }
        return nil
    }

    /// `--full`'s candidates for removal: what is here, in the pull's scope, that the staged
    /// lists did not hold. Lists page by offset, so an object deleted on Invest mid-pull shifts
    /// the pages after it and another, live one can be missed: each candidate is asked about by
    /// id before anything is removed (issue 28, removal by proof).
    public func removalCandidates(advertisers: [Int64]) throws -> [RemovalCandidate] {
        let scope = advertisers.map(String.init).joined(separator: ",")
        return try read { db in
            var found: [RemovalCandidate] = []
            func add(_ kind: ObjectKind, _ sql: String) throws {
                for row in try Row.fetchAll(db, sql: sql) { found.append(RemovalCandidate(kind: kind, id: row[0], publisherId: row[1])) }
            }
            for tables in TrackerTables.all {
                try add(tables.kind.objectKind, """
                    SELECT id, NULL FROM \(tables.investCopies) WHERE advertiser_id IN (\(scope)) AND id NOT IN (SELECT id FROM \(tables.staged))
                    """)
            }
            try add(.advertiser, "SELECT id, NULL FROM advertiser WHERE id IN (\(scope)) AND id NOT IN (SELECT id FROM invest_stage_advertiser)")
            try add(.lineItem, "SELECT id, NULL FROM line_item WHERE advertiser_id IN (\(scope)) AND id NOT IN (SELECT id FROM invest_stage_line_item)")
            try add(.publisher, "SELECT id, NULL FROM publisher WHERE id NOT IN (SELECT id FROM invest_stage_publisher)")
            try add(.placement, "SELECT id, publisher_id FROM placement WHERE id NOT IN (SELECT id FROM invest_stage_placement)")
            try add(.paymentRule, "SELECT id, publisher_id FROM payment_rule WHERE id NOT IN (SELECT id FROM invest_stage_payment_rule)")
            return found
        }
    }

    /// `--full`: what Invest no longer has goes here too — trackers first (a deleted line item
    /// takes its trackers with it on Invest), then the catalog objects nothing here still uses.
    private func removeTrackersInvestLacks(_ db: Database, _ plan: PullPlan, _ summary: inout PullSummary, in tables: TrackerTables) throws {
        let scope = plan.advertisers.map(String.init).joined(separator: ",")
        let gone = try Int64.fetchAll(db, sql: """
            SELECT id FROM \(tables.investCopies) WHERE advertiser_id IN (\(scope)) AND id NOT IN (SELECT id FROM \(tables.staged))
            """)
        for id in gone {
            let mine = try Self.fetchTracker(db, id: id, in: tables)
            let base = try Self.base(db, id: id, in: tables)
            let inConflict = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(tables.conflicts) WHERE tracker_id = ?)", arguments: [id]) ?? false
            if let mine, mine.draft != base?.draft || inConflict {
                try Self.recordConflict(db, id: id, theirs: nil, reason: "changed here, deleted on Invest", in: tables)
                summary[tables.kind].conflicts.append(id)
                continue
            }
            if let mine {
                try db.execute(sql: "DELETE FROM \(tables.trackers) WHERE id = ?", arguments: [id])
                try log(db, .deleted, id: id, before: mine, after: nil, actor: Self.pullActor, in: tables)
                summary[tables.kind].removed += 1
            }
            try db.execute(sql: "DELETE FROM \(tables.investCopies) WHERE id = ?", arguments: [id])
        }
    }

    /// `--full`, after the trackers of both kinds: the catalog objects Invest no longer has,
    /// children before parents — never what a tracker here, of either kind, still refers to (a
    /// pending one made here, or one kept in a conflict).
    private func removeCatalogInvestLacks(_ db: Database, _ plan: PullPlan, _ summary: inout PullSummary) throws {
        let scope = plan.advertisers.map(String.init).joined(separator: ",")
        func referenced(_ column: String) -> String {
            TrackerTables.all.map { "SELECT \(column) FROM \($0.trackers) WHERE \(column) IS NOT NULL" }.joined(separator: " UNION ALL ")
        }
        let removals: [(String, String, String)] = [
            ("payment_rule", "payment rules", "id NOT IN (\(referenced("payment_rule_id")))"),
            ("placement", "placements", "id NOT IN (\(referenced("placement_id")))"),
            ("line_item", "line items", "advertiser_id IN (\(scope)) AND id NOT IN (\(referenced("line_item_id")))"),
            ("publisher", "publishers", """
                id NOT IN (\(referenced("publisher_id"))) AND id NOT IN (SELECT publisher_id FROM placement)
                AND id NOT IN (SELECT publisher_id FROM payment_rule)
                """),
            ("advertiser", "advertisers", "id IN (\(scope)) AND id NOT IN (SELECT advertiser_id FROM line_item WHERE advertiser_id IS NOT NULL)"),
        ]
        for (table, label, keep) in removals {
            try db.execute(sql: "DELETE FROM \(table) WHERE id NOT IN (SELECT id FROM invest_stage_\(table)) AND \(keep)")
            if db.changesCount > 0 { summary.removed[label] = db.changesCount }
        }
    }
}
