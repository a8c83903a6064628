import Foundation
import GRDB

/// The sync state of a database connected to Invest: Invest's copy of each tracker
/// (`invest_tracker`), conflicts, the outbox, refusals. Pending changes are not flagged by every
/// write: they are what differs between a tracker and Invest's copy, so no edit path can forget
/// to mark one (docs/DESIGN.md, "Working with Invest").
extension SQLiteStore {
    static let connectionKey = "invest.connection"
    static let pullActor = "invest pull"

    static func isConnectedToInvest(_ db: Database) throws -> Bool {
        try connection(db)?.connected ?? false
    }

    static func connection(_ db: Database) throws -> InvestConnection? {
        guard let json = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [connectionKey]) else {
            return nil
        }
        // A connection record this version cannot read (hand-edited, or from a newer one): not
        // connected — the next pull connects again, and says so.
        return try? JSONDecoder().decode(InvestConnection.self, from: Data(json.utf8))
    }

    static func saveConnection(_ db: Database, _ connection: InvestConnection) throws {
        let json = String(decoding: try JSONEncoder().encode(connection), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [connectionKey, json])
    }

    public func investConnection() throws -> InvestConnection? {
        try read { db in try Self.connection(db) }
    }

    public func saveInvestConnection(_ connection: InvestConnection) throws {
        try write { db in try Self.saveConnection(db, connection) }
    }

    // MARK: - Invest's copies

    static func investJSON(_ tracker: Tracker) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(tracker), as: UTF8.self)
    }

    static func investTracker(json: String, in tables: TrackerTables) throws -> Tracker {
        let decoder = JSONDecoder()
        decoder.userInfo[TrackerKind.decodingKey] = tables.kind
        return try decoder.decode(Tracker.self, from: Data(json.utf8))
    }

    /// Keeps `tracker` as Invest's copy: what the next edit of it starts from.
    static func writeBase(_ db: Database, _ tracker: Tracker, advertiserId: Int64, in tables: TrackerTables) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO \(tables.investCopies) (id, advertiser_id, name, code, state, click_url, line_item_id,
                publisher_id, placement_id, payment_rule_id, last_modified, json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                tracker.id, advertiserId, tracker.name, tracker.code, tracker.state.rawValue, tracker.clickUrl,
                tracker.lineItem.id, tracker.publisher.id, tracker.tag?.id, tracker.paymentRule?.id, tracker.lastModified,
                try investJSON(tracker),
            ])
    }

    static func base(_ db: Database, id: Int64, in tables: TrackerTables) throws -> Tracker? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT json FROM \(tables.investCopies) WHERE id = ?"), arguments: [id])
            .map { try investTracker(json: $0, in: tables) }
    }

    /// Makes the local tracker `id` hold Invest's copy (inserting it if there is none), logged
    /// as `actor` did it.
    func writeInvestCopy(_ db: Database, _ theirs: Tracker, actor: String, before known: Tracker? = nil, in tables: TrackerTables) throws {
        let before = try known ?? Self.fetchTracker(db, id: theirs.id, in: tables)
        let values: [(any DatabaseValueConvertible)?] = [
            theirs.memberId ?? before?.memberId, theirs.name, theirs.code, theirs.state.rawValue, theirs.clickUrl,
            theirs.lineItem.id, theirs.publisher.id, theirs.tag?.id, theirs.paymentRule?.id,
            theirs.lastModified.isEmpty ? Timestamp.now() : theirs.lastModified,
        ]
        if let before {
            try db.execute(sql: """
                UPDATE \(tables.trackers) SET member_id = ?, name = ?, code = ?, state = ?, click_url = ?, line_item_id = ?,
                    publisher_id = ?, placement_id = ?, payment_rule_id = ?, last_modified = ?, revision = revision + 1
                WHERE id = ?
                """, arguments: StatementArguments(values + [theirs.id]))
            try log(db, .updated, id: theirs.id, before: before, after: Self.fetchTracker(db, id: theirs.id, in: tables), actor: actor, in: tables)
        } else {
            try db.execute(sql: """
                INSERT INTO \(tables.trackers) (member_id, name, code, state, click_url, line_item_id, publisher_id,
                    placement_id, payment_rule_id, last_modified, id, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """, arguments: StatementArguments(values + [theirs.id]))
            try log(db, .created, id: theirs.id, before: nil, after: Self.fetchTracker(db, id: theirs.id, in: tables), actor: actor, in: tables)
        }
    }

    // MARK: - Pending and conflicting

    /// The fields an edit changes, compared row to row: a tracker whose fields differ from
    /// Invest's copy is pending.
    static let differsFromBase = """
        (t.name, t.code, t.state, t.click_url, t.line_item_id, t.publisher_id, t.placement_id, t.payment_rule_id)
        IS NOT (b.name, b.code, b.state, b.click_url, b.line_item_id, b.publisher_id, b.placement_id, b.payment_rule_id)
        """

    public func pendingChanges() throws -> [PendingChange] {
        try read { db in
            guard try Self.isConnectedToInvest(db) else { return [] }
            var changes: [PendingChange] = []
            let refusals = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT tracker_id, message FROM \(tables.refusals)").map {
                ($0[0] as Int64, $0[1] as String)
            })
            let creates = try Row.fetchAll(db, sql: "\(Self.trackerSelect(tables)) WHERE t.id >= ? ORDER BY t.id", arguments: [InvestIDs.provisionalBase])
            for row in creates {
                let tracker = Self.tracker(from: row, kind: tables.kind)
                changes.append(PendingChange(action: .create, trackerId: tracker.id, mine: tracker, base: nil, refusal: refusals[tracker.id]))
            }
            let updates = try Row.fetchAll(db, sql: """
                \(Self.trackerSelect(tables)) JOIN \(tables.investCopies) b ON b.id = t.id
                WHERE \(Self.differsFromBase) AND t.id NOT IN (SELECT tracker_id FROM \(tables.conflicts)) ORDER BY t.id
                """)
            for row in updates {
                let tracker = Self.tracker(from: row, kind: tables.kind)
                changes.append(PendingChange(action: .update, trackerId: tracker.id, mine: tracker,
                                             base: try Self.base(db, id: tracker.id, in: tables), refusal: refusals[tracker.id]))
            }
            let deletes = try Row.fetchAll(db, sql: """
                SELECT b.id, b.json FROM \(tables.investCopies) b WHERE b.id NOT IN (SELECT id FROM \(tables.trackers))
                AND b.id NOT IN (SELECT tracker_id FROM \(tables.conflicts)) ORDER BY b.id
                """)
            for row in deletes {
                changes.append(PendingChange(action: .delete, trackerId: row[0], mine: nil,
                                             base: try Self.investTracker(json: row[1], in: tables), refusal: refusals[row[0]]))
            }
            return changes
        }
    }

    public func investCopies(createdBy changes: [Int64]) throws -> [Int64] {
        // The kind's own log and copies: each kind's change log numbers from 1 alike.
        guard !changes.isEmpty else { return [] }
        return try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT c.tracker_id FROM \(tables.changes) c JOIN \(tables.investCopies) b ON b.id = c.tracker_id
                WHERE c.before IS NULL AND c.seq IN (\(changes.map { _ in "?" }.joined(separator: ",")))
                ORDER BY c.tracker_id
                """, arguments: StatementArguments(changes))
        }
    }

    public func conflicts() throws -> [InvestConflict] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(tables.conflicts) ORDER BY tracker_id").map { row in
                let id: Int64 = row["tracker_id"]
                return InvestConflict(
                    trackerId: id, mine: try Self.fetchTracker(db, id: id, in: tables),
                    theirs: try (row["theirs"] as String?).map { try Self.investTracker(json: $0, in: tables) },
                    reason: row["reason"], foundAt: row["found_at"])
            }
        }
    }

    // MARK: - Outbox

    public func outbox() throws -> [OutboxEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(tables.outbox) ORDER BY written_at, tracker_id").map { row in
                OutboxEntry(
                    trackerId: row["tracker_id"], action: PendingChange.Action(rawValue: row["action"]) ?? .update,
                    advertiserId: row["advertiser_id"], intent: try (row["intent"] as String?).map { try Self.investTracker(json: $0, in: tables) },
                    baseLastModified: row["base_last_modified"], writtenAt: row["written_at"], revision: row["revision"])
            }
        }
    }

    public func writeOutbox(_ entry: OutboxEntry) throws {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO \(tables.outbox) (tracker_id, action, advertiser_id, intent, base_last_modified, written_at, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.trackerId, entry.action.rawValue, entry.advertiserId,
                                 try entry.intent.map(Self.investJSON), entry.baseLastModified, entry.writtenAt, entry.revision])
        }
    }

    public func clearOutbox(trackerId: Int64) throws {
        try write { db in try db.execute(sql: "DELETE FROM \(tables.outbox) WHERE tracker_id = ?", arguments: [trackerId]) }
    }

    // MARK: - Push results

    public func recordPushed(localId: Int64, invest: Tracker, sentRevision: Int?) throws -> Tracker? {
        try write { db in try recordPushed(db, localId: localId, invest: invest, sentRevision: sentRevision, in: tables) }
    }

    func recordPushed(_ db: Database, localId: Int64, invest: Tracker, sentRevision: Int?, in tables: TrackerTables) throws -> Tracker? {
        let advertiserId = invest.advertiserId ?? 0
        let before = try Self.fetchTracker(db, id: localId, in: tables)
        // Edited while the request was out: the operator's newer fields stay (issue 28).
        let editedSince = sentRevision != nil && before != nil && before?.revision != sentRevision
        if localId != invest.id {
            // A created tracker takes Invest's id, and its history goes with it.
            if try Self.fetchTracker(db, id: invest.id, in: tables) != nil {
                throw ClicktraxError.operational("Invest gave \(tables.kind.shortNoun) \(localId) the id \(invest.id), which one here already has")
            }
            try db.execute(sql: "UPDATE \(tables.trackers) SET id = ? WHERE id = ?", arguments: [invest.id, localId])
            try Self.moveHistory(db, from: localId, to: invest.id, in: tables)
        }
        try db.execute(sql: "DELETE FROM \(tables.outbox) WHERE tracker_id IN (?, ?)", arguments: [localId, invest.id])
        try db.execute(sql: "DELETE FROM \(tables.refusals) WHERE tracker_id IN (?, ?)", arguments: [localId, invest.id])
        try Self.writeBase(db, invest, advertiserId: advertiserId, in: tables)
        // Deleted meanwhile: Invest's copy is the base, and the delete is what is pending now.
        guard let mine = try Self.fetchTracker(db, id: invest.id, in: tables) else { return nil }
        if editedSince { return mine }
        if mine.draft != invest.draft || mine.lastModified != invest.lastModified || mine.memberId != invest.memberId {
            // Invest's copy is the truth now (its last_modified, its member; the same fields).
            try writeInvestCopy(db, invest, actor: "invest push (\(actor))", in: tables)
        }
        return try Self.fetchTracker(db, id: invest.id, in: tables)
    }

    public func settleCreate(localId: Int64, candidates: [Tracker], sentRevision: Int?) throws -> Tracker? {
        try write { db in
            for theirs in candidates {
                guard try Self.freeForAdoption(db, investId: theirs.id, in: tables) else { continue }
                return try recordPushed(db, localId: localId, invest: theirs, sentRevision: sentRevision, in: tables)
            }
            return nil
        }
    }

    /// Whether Invest's tracker `investId` may be the answer to a create made here: no tracker
    /// here has its id, or the one that has is only a copy a pull brought in (every change of it
    /// a pull's, nothing pending) — a duplicate of the tracker being settled, dropped here so
    /// that one takes its place.
    static func freeForAdoption(_ db: Database, investId: Int64, in tables: TrackerTables) throws -> Bool {
        guard try fetchTracker(db, id: investId, in: tables) != nil else { return true }
        let onlyPulled = try Bool.fetchOne(db, sql: """
            SELECT NOT EXISTS (SELECT 1 FROM \(tables.changes) WHERE tracker_id = ? AND actor <> ?)
                AND NOT EXISTS (SELECT 1 FROM \(tables.conflicts) WHERE tracker_id = ?)
                AND EXISTS (SELECT 1 FROM \(tables.investCopies) b JOIN \(tables.trackers) t ON t.id = b.id WHERE b.id = ? AND NOT \(differsFromBase))
            """, arguments: [investId, pullActor, investId, investId]) ?? false
        guard onlyPulled else { return false }
        try db.execute(sql: "DELETE FROM \(tables.trackers) WHERE id = ?", arguments: [investId])
        try db.execute(sql: "DELETE FROM \(tables.changes) WHERE tracker_id = ?", arguments: [investId])
        try db.execute(sql: "DELETE FROM \(tables.investCopies) WHERE id = ?", arguments: [investId])
        return true
    }

    public func recordPushedDelete(id: Int64) throws {
        try write { db in
            for table in ["\(tables.investCopies) WHERE id", "\(tables.outbox) WHERE tracker_id", "\(tables.refusals) WHERE tracker_id",
                          "\(tables.conflicts) WHERE tracker_id"] {
                try db.execute(sql: "DELETE FROM \(table) = ?", arguments: [id])
            }
        }
    }

    public func recordRefusal(id: Int64, message: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM \(tables.outbox) WHERE tracker_id = ?", arguments: [id])
            try db.execute(sql: "INSERT OR REPLACE INTO \(tables.refusals) (tracker_id, message, refused_at) VALUES (?, ?, ?)",
                           arguments: [id, message, Timestamp.now()])
        }
    }

    public func recordConflict(id: Int64, theirs: Tracker?, reason: String) throws {
        try write { db in try Self.recordConflict(db, id: id, theirs: theirs, reason: reason, in: tables) }
    }

    static func recordConflict(_ db: Database, id: Int64, theirs: Tracker?, reason: String, in tables: TrackerTables) throws {
        try db.execute(sql: "DELETE FROM \(tables.outbox) WHERE tracker_id = ?", arguments: [id])
        try db.execute(sql: "INSERT OR REPLACE INTO \(tables.conflicts) (tracker_id, theirs, reason, found_at) VALUES (?, ?, ?, ?)",
                       arguments: [id, try theirs.map(investJSON), reason, Timestamp.now()])
    }

    public func resolveConflict(id: Int64, keepMine: Bool) throws {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT theirs, clash_with FROM \(tables.conflicts) WHERE tracker_id = ?", arguments: [id]) else {
                throw ClicktraxError.badInput("\(tables.kind.shortNoun) \(id) is not conflicting (clicktrax invest status lists the conflicts)")
            }
            if row["clash_with"] as Int64? != nil {
                // A code clash kept as it is: this tracker keeps its code (and waits for its push);
                // Invest's other tracker comes in once the codes differ (or with a --full pull).
                guard keepMine else { throw ClicktraxError.badInput("\(tables.kind.shortNoun) \(id): its conflict is a code clash: --keep-theirs drops its change") }
                try db.execute(sql: "DELETE FROM \(tables.conflicts) WHERE tracker_id = ?", arguments: [id])
                return
            }
            let theirs = try (row["theirs"] as String?).map { try Self.investTracker(json: $0, in: tables) }
            let mine = try Self.fetchTracker(db, id: id, in: tables)
            try db.execute(sql: "DELETE FROM \(tables.conflicts) WHERE tracker_id = ?", arguments: [id])
            switch (keepMine, theirs) {
            case (true, let theirs?):
                // Invest's copy becomes what the edit starts from: the next push sends mine over it.
                try Self.writeBase(db, theirs, advertiserId: theirs.advertiserId ?? 0, in: tables)
            case (true, nil):
                // Deleted on Invest, kept here: it is created again, with a new id, on the next push.
                try db.execute(sql: "DELETE FROM \(tables.investCopies) WHERE id = ?", arguments: [id])
                if let mine {
                    let newId = try Self.nextProvisionalId(db, in: tables)
                    try Self.renumber(db, from: mine.id, to: newId, in: tables)
                }
            case (false, let theirs?):
                try writeInvestCopy(db, theirs, actor: "invest resolve --keep-theirs (\(actor))", in: tables)
                try Self.writeBase(db, theirs, advertiserId: theirs.advertiserId ?? 0, in: tables)
            case (false, nil):
                if let mine {
                    try db.execute(sql: "DELETE FROM \(tables.trackers) WHERE id = ?", arguments: [id])
                    try log(db, .deleted, id: id, before: mine, after: nil, actor: "invest resolve --keep-theirs (\(actor))", in: tables)
                }
                try db.execute(sql: "DELETE FROM \(tables.investCopies) WHERE id = ?", arguments: [id])
            }
        }
    }

    public func keepInvestsCopy(id: Int64, removingUnpushed: Bool) throws -> KeepInvestsCopy {
        try write { db in
            // What this transaction logs is what it wrote: the entries past the newest one now.
            let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM \(tables.changes)") ?? 0
            let outcome = try keepInvestsCopy(db, id: id, removingUnpushed: removingUnpushed)
            return KeepInvestsCopy(outcome, changes: try Int64.fetchAll(db, sql: "SELECT seq FROM \(tables.changes) WHERE seq > ? ORDER BY seq",
                                                                        arguments: [last]))
        }
    }

    private func keepInvestsCopy(_ db: Database, id: Int64, removingUnpushed: Bool) throws -> KeepInvestsCopy.Outcome {
        let actor = "invest resolve --keep-theirs (\(self.actor))"
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(tables.outbox) WHERE tracker_id = ?)", arguments: [id]) ?? false {
            throw ClicktraxError.badInput("\(tables.kind.shortNoun) \(id): a push of it stopped before Invest answered; run clicktrax invest push "
                                          + "to settle it with Invest first")
        }
        let mine = try Self.fetchTracker(db, id: id, in: tables)
        // A code clash: Invest's other tracker (kept in the conflict) comes in once this one's
        // change is dropped and the code is free.
        var clashing: Tracker?
        if let row = try Row.fetchOne(db, sql: "SELECT theirs FROM \(tables.conflicts) WHERE tracker_id = ? AND clash_with IS NOT NULL",
                                      arguments: [id]) {
            clashing = try (row[0] as String?).map { try Self.investTracker(json: $0, in: tables) }
            if InvestIDs.isProvisional(id), try Self.base(db, id: id, in: tables) == nil, !removingUnpushed, let mine { return .needsAgreement(mine) }
            try db.execute(sql: "DELETE FROM \(tables.conflicts) WHERE tracker_id = ?", arguments: [id])
        }
        defer {
            if let clashing, (try? Self.codeHolder(db, of: clashing, in: tables)) == nil, (try? Self.fetchTracker(db, id: clashing.id, in: tables)) == nil {
                try? writeInvestCopy(db, clashing, actor: actor, in: tables)
                try? Self.writeBase(db, clashing, advertiserId: clashing.advertiserId ?? 0, in: tables)
            }
        }
        if let row = try Row.fetchOne(db, sql: "SELECT theirs FROM \(tables.conflicts) WHERE tracker_id = ?", arguments: [id]) {
            // Conflicting: Invest's version as the conflict found it (nil: deleted on Invest).
            let theirs = try (row["theirs"] as String?).map { try Self.investTracker(json: $0, in: tables) }
            try db.execute(sql: "DELETE FROM \(tables.conflicts) WHERE tracker_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM \(tables.refusals) WHERE tracker_id = ?", arguments: [id])
            guard let theirs else {
                if let mine {
                    try db.execute(sql: "DELETE FROM \(tables.trackers) WHERE id = ?", arguments: [id])
                    try log(db, .deleted, id: id, before: mine, after: nil, actor: actor, in: tables)
                }
                try db.execute(sql: "DELETE FROM \(tables.investCopies) WHERE id = ?", arguments: [id])
                return .removed(mine ?? Tracker(id: id, name: "", lineItem: ObjectRef(id: 0, name: ""),
                                                     publisher: ObjectRef(id: 0, name: ""), lastModified: ""))
            }
            try writeInvestCopy(db, theirs, actor: actor, in: tables)
            try Self.writeBase(db, theirs, advertiserId: theirs.advertiserId ?? 0, in: tables)
            return .restored(try Self.fetchTracker(db, id: id, in: tables) ?? theirs)
        }
        if let base = try Self.base(db, id: id, in: tables) {
            // Pending (an edit, a state change, a delete here), refused or not: Invest's copy back.
            guard mine == nil || mine?.draft != base.draft else {
                throw ClicktraxError.badInput("\(tables.kind.shortNoun) \(id) has no change waiting for Invest: it is as Invest has it")
            }
            try writeInvestCopy(db, base, actor: actor, in: tables)
            try db.execute(sql: "DELETE FROM \(tables.refusals) WHERE tracker_id = ?", arguments: [id])
            return .restored(try Self.fetchTracker(db, id: id, in: tables) ?? base)
        }
        guard let mine else { throw ClicktraxError.notFound(kind: tables.kind.noun, id: id) }
        guard InvestIDs.isProvisional(mine.id), try Self.isConnectedToInvest(db) else {
            throw ClicktraxError.badInput("\(tables.kind.shortNoun) \(id) has no change waiting for Invest (this database is not connected, or it is Invest's as it is)")
        }
        guard removingUnpushed else { return .needsAgreement(mine) }
        try db.execute(sql: "DELETE FROM \(tables.trackers) WHERE id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM \(tables.refusals) WHERE tracker_id = ?", arguments: [id])
        try log(db, .deleted, id: id, before: mine, after: nil, actor: actor, in: tables)
        return .removed(mine)
    }

    /// The next provisional id, past every one ever given (kept as a high-water mark: a pushed
    /// tracker leaves the range, and its old id must not be handed to the next one).
    static func nextProvisionalId(_ db: Database, in tables: TrackerTables) throws -> Int64 {
        let next = try Int64.fetchOne(db, sql: """
            SELECT MAX(?1, COALESCE((SELECT MAX(id) FROM \(tables.trackers)), 0), COALESCE((SELECT MAX(tracker_id) FROM \(tables.changes)), 0),
                       COALESCE((SELECT CAST(value AS INTEGER) FROM setting WHERE key = ?2), 0)) + 1
            """, arguments: [InvestIDs.provisionalBase, tables.provisionalHighKey]) ?? InvestIDs.provisionalBase + 1
        try db.execute(
            sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [tables.provisionalHighKey, String(next)])
        return next
    }

    /// A tracker's change log under its new id, the copies of it in each entry included: after a
    /// push, history speaks the id Invest gave (issue 27).
    static func moveHistory(_ db: Database, from old: Int64, to new: Int64, in tables: TrackerTables) throws {
        try db.execute(sql: """
            UPDATE \(tables.changes) SET tracker_id = ?1,
                before = CASE WHEN before IS NULL THEN NULL ELSE json_set(before, '$.id', ?1) END,
                after = CASE WHEN after IS NULL THEN NULL ELSE json_set(after, '$.id', ?1) END
            WHERE tracker_id = ?2
            """, arguments: [new, old])
    }

    /// Moves a tracker that Invest does not know to another id, history and all.
    static func renumber(_ db: Database, from old: Int64, to new: Int64, in tables: TrackerTables) throws {
        try db.execute(sql: "UPDATE \(tables.trackers) SET id = ? WHERE id = ?", arguments: [new, old])
        try moveHistory(db, from: old, to: new, in: tables)
        try db.execute(sql: "DELETE FROM \(tables.refusals) WHERE tracker_id = ?", arguments: [old])
    }
}
