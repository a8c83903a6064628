import GRDB

extension SQLiteStore {
    /// Reverts logged changes, newest first, all in one transaction: each provided its tracker
    /// still holds exactly what that change left (otherwise someone changed it since, and undoing
    /// would lose their edit — then nothing is reverted). Each revert is itself a change, logged
    /// like any other. Returns the new log entries.
    public func undo(changes sequences: [Int64]) throws -> [TrackerChange] {
        try write { db in
            try sequences.reversed().map { try revert(db, sequence: $0) }
        }
    }

    private func revert(_ db: Database, sequence: Int64) throws -> TrackerChange {
        guard let entry = try Self.fetchChange(db, sequence: sequence, in: tables) else {
            throw ClicktraxError.badInput("undo: no change number \(sequence) in the change log")
        }
        let current = try Self.fetchTracker(db, id: entry.trackerId, in: tables)
        let expected = entry.after
        // Compared by what the tracker holds, not by revision: undoing a later change of
        // this session put it back as this change left it (a new revision, the same
        // tracker), and that must not block undoing this one too.
        guard current?.draft == expected?.draft, (current == nil) == (expected == nil) else {
            throw ClicktraxError.conflict(
                "undo: \(tables.kind == .click ? "tracker" : tables.kind.noun) \(entry.trackerId) was changed since (\(current.map { "now revision \($0.revision)" } ?? "now deleted")); "
                    + "nothing was undone, so that change is not lost")
        }
        switch (entry.before, current) {
        case (nil, let created?):
            // Undo a create: delete it.
            try db.execute(sql: "DELETE FROM \(tables.trackers) WHERE id = ?", arguments: [created.id])
            try log(db, .deleted, id: created.id, before: created, after: nil, in: tables)
        case (let before?, nil):
            // Undo a delete: bring it back as it was, under its own id.
            _ = try TrackerResolver(db: db, tables: tables).resolve(before.draft, trackerId: before.id, judging: .asStored)
            try db.execute(
                sql: """
                    INSERT INTO \(tables.trackers) (id, member_id, name, code, state, click_url, line_item_id, publisher_id,
                        placement_id, payment_rule_id, last_modified, revision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [before.id, before.memberId, before.name, before.code, before.state.rawValue, before.clickUrl,
                            before.lineItem.id, before.publisher.id, before.tag?.id, before.paymentRule?.id,
                            Timestamp.now(), before.revision + 1])
            try log(db, .created, id: before.id, before: nil, after: Self.fetchTracker(db, id: before.id, in: tables), in: tables)
        case (let before?, let now?):
            // Undo an edit or a state change: put the fields back.
            let resolved = try TrackerResolver(db: db, tables: tables).resolve(before.draft, trackerId: before.id, judging: .asStored)
            try db.execute(
                sql: """
                    UPDATE \(tables.trackers) SET name = ?, code = ?, state = ?, click_url = ?, line_item_id = ?,
                        publisher_id = ?, placement_id = ?, payment_rule_id = ?, last_modified = ?, revision = revision + 1
                    WHERE id = ?
                    """,
                arguments: resolved.columnValues + [Timestamp.now(), now.id])
            let after = try Self.fetchTracker(db, id: now.id, in: tables)!
            var onlyStateDiffers = now.draft
            onlyStateDiffers.state = before.state
            let action: TrackerChange.Action = onlyStateDiffers == before.draft && before.state != now.state
                ? (before.state == .active ? .activated : .deactivated) : .updated
            try log(db, action, id: now.id, before: now, after: after, in: tables)
        case (nil, nil):
            throw ClicktraxError.badInput("undo: change \(sequence) has nothing to undo")
        }
        return try Self.fetchChange(db, sequence: db.lastInsertedRowID, in: tables)!
    }

}
