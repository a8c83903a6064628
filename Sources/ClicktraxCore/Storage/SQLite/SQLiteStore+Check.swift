import GRDB

extension SQLiteStore {
    /// What `clicktrax check` finds wrong, in words; empty when all is well. SQLite's own
    /// `integrity_check` and `foreign_key_check`, then the change log's story: replaying it must
    /// give exactly the trackers there are — every tracker as its last logged change left it
    /// (same fields, same revision), and no tracker whose last change deleted it. A save and its
    /// log entry share one transaction, so after any crash the two still agree.
    public func check(limit: Int) throws -> [String] {
        try read { db in
            var problems: [String] = []
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                problems.append("integrity: \(line)")
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append("foreign key: \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0) refers to a missing \(row[2] as String? ?? "?")")
            }
            for tables in [TrackerTables.click, .impression] where problems.count < limit {
                problems += try Self.replayChangeLog(db, tables, limit: limit - problems.count)
            }
            return Array(problems.prefix(limit))
        }
    }

    /// One kind's trackers against its change log: each as its last logged change left it.
    private static func replayChangeLog(_ db: Database, _ tables: TrackerTables, limit: Int) throws -> [String] {
        var problems: [String] = []
        let what = tables.kind == .click ? "tracker" : tables.kind.noun
        var last: [Int64: TrackerChange] = [:]
        let changes = try Row.fetchCursor(db, sql: "SELECT * FROM \(tables.changes) ORDER BY seq")
        while let row = try changes.next() {
            let change = try Self.change(from: row, kind: tables.kind)
            last[change.trackerId] = change
        }
        var seen = Set<Int64>()
        let trackers = try Row.fetchCursor(db, sql: "\(Self.trackerSelect(tables)) ORDER BY t.id")
        while let row = try trackers.next(), problems.count < limit {
            let tracker = Self.tracker(from: row, kind: tables.kind)
            seen.insert(tracker.id)
            guard let logged = last[tracker.id]?.after else {
                problems.append("change log: \(what) \(tracker.id) exists, but its last logged change "
                    + (last[tracker.id] == nil ? "is missing" : "deleted it"))
                continue
            }
            if logged.draft != tracker.draft || logged.revision != tracker.revision || logged.memberId != tracker.memberId {
                problems.append("change log: \(what) \(tracker.id) is at revision \(tracker.revision), the log last left it at revision \(logged.revision)"
                    + (logged.draft != tracker.draft ? " with other fields" : ""))
            }
        }
        for (id, change) in last where change.after != nil && !seen.contains(id) && problems.count < limit {
            problems.append("change log: \(what) \(id) is missing, but its last logged change (\(change.sequence)) left it in place")
        }
        return problems
    }
}
