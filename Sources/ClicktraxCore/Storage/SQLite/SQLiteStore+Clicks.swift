import GRDB

extension SQLiteStore {
    static let clickGenerationKey = "clicks.generation"

    public func importClicks(_ body: (any ClickImportWriting) throws -> ClickImportSummary) throws -> ClickImportSummary {
        defer {
            // The import's bigger page cache (ClickWriter) is not kept by the connection after it (if
            // this fails, the connection only keeps the bigger cache).
            try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -2000") }
        }
        let summary = try write { db in
            let writer = try ClickWriter(db)
            var summary = try body(writer)
            let totals = try writer.finish()
            ImportTrace.mark("rebuilt the rollups")
            summary.added = totals.added
            summary.alreadyThere = totals.alreadyThere
            summary.replaced = totals.replaced
            var byTracker: [Int64: Int] = [:]
            for (local, count) in totals.addedBySource { byTracker[writer.trackerId(ofLocal: local), default: 0] += count }
            let known = try Self.existingTrackers(db, Array(byTracker.keys))
            ImportTrace.mark("found the unknown trackers")
            summary.unknownTrackers = byTracker.filter { !known.contains($0.key) }
            try db.execute(sql: """
                INSERT INTO setting (key, value) VALUES (?, lower(hex(randomblob(8))))
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, arguments: [Self.clickGenerationKey])
            return summary
        }
        ImportTrace.mark("committed")
        return summary
    }

    public func clickReport(_ query: ClickReportQuery) throws -> ClickReport {
        let pack = try read { db in try sourcePack(db) }
        var builder = { (db: Database) in ClickReportBuilder(db: db, query: query, pack: pack) }
        // 100,000 trackers' names take as long to read as their sums take to add: on a pool, read
        // them on a second connection meanwhile (a queue has one connection: read them in turn).
        let ahead = ClickReportBuilder.namesToReadAhead(query, pack: pack)
        if writer is DatabasePool && !ahead.isEmpty {
            let reads = ahead.map { position, table, ids in
                (position, ClickNamesReadAhead { try self.read { db in try ClickReportBuilder.names(db, table: table, sortedIds: ids) } })
            }
            builder = { db in
                var builder = ClickReportBuilder(db: db, query: query, pack: pack)
                for (position, read) in reads { builder.namesReadAhead[position] = read.result }
                return builder
            }
        }
        return try read { db in try Self.mapped(db) { try builder(db).build() } }
    }

    /// Runs a report's reads with the file mapped into memory: a 30-day report reads ~20 MB of
    /// rollup blobs, which SQLite otherwise copies page by page through read() into a 2 MB cache
    /// it then throws away (12 ms of a 30-day report by tracker; 2 ms mapped). Unmapped after,
    /// so the UI's resident memory does not keep every page any report touched.
    static func mapped<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA mmap_size = \(1 << 30)")
        // Setting the limit back cannot fail on an open connection (it is a number kept by the
        // pager); should it, the connection merely stays mapped.
        defer { try? db.execute(sql: "PRAGMA mmap_size = 0") }
        return try body()
    }

    /// The packed sources, decoded once per click generation (the Reports screen asks often).
    func sourcePack(_ db: Database) throws -> ClickSourcePack {
        let generation = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.clickGenerationKey])
        if let cached = caches.sourcePack.withLock({ $0 }), cached.generation == generation { return cached.pack }
        var pack = ClickSourcePack()
        let statement = try RawStatement(db, "SELECT pack FROM click_source_pack WHERE id = 1")
        try statement.forEachRow(db) { row in
            row.withBlob(0) { bytes in if let decoded = ClickSourcePack(bytes: bytes) { pack = decoded } }
        }
        caches.sourcePack.withLock { $0 = (generation, pack) }
        return pack
    }

    public func clickActivity(days: Int) throws -> ClickActivity {
        try read { db in
            // Every change of a tracker reloads the screen and asks again; the clicks seldom changed.
            let generation = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.clickGenerationKey])
            if let cached = caches.activity.withLock({ $0 }), cached.generation == generation, cached.days == days { return cached.activity }
            guard let newest = try Int64.fetchOne(db, sql: "SELECT max(at) FROM click") else { return ClickActivity() }
            let to = ClickTime.startOfDay(newest) + ClickTime.day
            var query = ClickReportQuery(dimensions: [.tracker], from: to - Int64(days) * ClickTime.day, to: to)
            query.dailySeries = true
            let report = try Self.mapped(db) { try ClickReportBuilder(db: db, query: query, pack: try sourcePack(db), names: false).build() }
            var byTracker: [Int64: ClickActivity.Series] = [:]
            byTracker.reserveCapacity(report.rows.count)
            let rows = report.rows, days = rows.dayCount
            for row in rows.indices {
                guard let id = rows.id(row, at: 0) else { continue }
                byTracker[id] = ClickActivity.Series(clicks: rows.clicks[row], daily: Array(rows.daily[(row * days)..<((row + 1) * days)]),
                                                     stopped: rows.stopped[row])
            }
            let activity = ClickActivity(days: report.days, byTracker: byTracker)
            caches.activity.withLock { $0 = (generation, days, activity) }
            return activity
        }
    }

    /// Which of `ids` are trackers here. After a big import the page cache is all dirty click
    /// pages, so a look-up per id read the tracker table's pages again and again (55,000 reads
    /// for 100,000 ids, a second of the commit): many ids are checked by one scan of the ids
    /// (SQLite reads them from the smallest index), a few by look-ups in id order.
    static func existingTrackers(_ db: Database, _ ids: [Int64]) throws -> Set<Int64> {
        var found = Set<Int64>()
        if ids.count > 1000 {
            let wanted = Set(ids)
            let scan = try RawStatement(db, "SELECT id FROM click_tracker")
            try scan.forEachRow(db) { row in
                let id = row.int64(0)
                if wanted.contains(id) { found.insert(id) }
            }
            return found
        }
        let sorted = ids.sorted()
        for start in stride(from: 0, to: sorted.count, by: 500) {
            let batch = Array(sorted[start..<min(sorted.count, start + 500)])
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
            found.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM click_tracker WHERE id IN (\(marks))", arguments: StatementArguments(batch)))
        }
        return found
    }
}
