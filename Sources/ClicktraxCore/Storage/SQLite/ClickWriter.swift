import GRDB

/// Writes one click import inside its transaction, in the order the reader thread decided:
/// sources numbered by the import mapped to the database's, clicks inserted (one already there
/// — same auction, same second — is skipped, and its hour marked to be summed again from the
/// stored clicks), hours replaced, the reader's hour sums merged into their blocks. `finish()`
/// re-sums the marked hours and rebuilds the larger blocks over every hour touched.
final class ClickWriter: ClickImportWriting {
    private let db: Database
    private let insertClick: RawStatement
    /// `batchSize` clicks in one statement: the per-statement work (a cursor opened, the VM run
    /// from the start) was a third of an import's inserting.
    private let insertBatch: RawStatement
    /// The newest click stored before this import: rows after it cannot be there already
    /// (the key starts with the time), so they go in batches; older rows one by one, each one
    /// found already there marking its hour for a re-sum.
    private let storedUntil: Int64
    private let findSource: RawStatement
    private let insertSource: RawStatement
    private let deleteHour: RawStatement
    private var sourceIds: [Int32] = []
    private var trackerOfLocal: [Int64] = []
    private var addedByLocal: [Int] = []
    private var touchedHours = Set<Int64>()
    /// Hours where a click was already stored: the reader's sums counted it again.
    private var resumHours = Set<Int64>()
    private(set) var totals = ClickWriteTotals()

    init(_ db: Database) throws {
        self.db = db
        // A big import dirties more pages than SQLite's 2 MB cache holds; 64 MB keeps the
        // table's right edge and the sources in memory (the import stays far under 300 MB).
        try db.execute(sql: "PRAGMA cache_size = -65536")
        insertClick = try RawStatement(db, "INSERT OR IGNORE INTO click (at, click_key, source_id, media_cost_billionths) VALUES (?, ?, ?, ?)")
        insertBatch = try RawStatement(db, "INSERT OR IGNORE INTO click (at, click_key, source_id, media_cost_billionths) VALUES "
                                       + Array(repeating: "(?, ?, ?, ?)", count: Self.batchSize).joined(separator: ", "))
        storedUntil = try Int64.fetchOne(db, sql: "SELECT max(at) FROM click") ?? .min
        findSource = try RawStatement(db, """
            SELECT id FROM click_source
            WHERE tracker_id = ? AND line_item_id = ? AND publisher_id = ? AND placement_id = ? AND site_domain = ?
            """)
        insertSource = try RawStatement(db, """
            INSERT INTO click_source (tracker_id, line_item_id, publisher_id, placement_id, site_domain) VALUES (?, ?, ?, ?, ?)
            """)
        deleteHour = try RawStatement(db, "DELETE FROM click WHERE at >= ? AND at < ?")
    }

    func trackerId(ofLocal source: Int32) -> Int64 { trackerOfLocal[Int(source)] }

    func add(sources: [ClickSource]) throws {
        for source in sources {
            var id: Int64?
            for statement in [findSource, insertSource] {
                statement.bind(1, source.trackerId); statement.bind(2, source.lineItemId)
                statement.bind(3, source.publisherId); statement.bind(4, source.placementId)
                statement.bind(5, source.siteDomain)
            }
            try findSource.forEachRow(db) { id = $0.int64(0) }
            if id == nil {
                try insertSource.run(db)
                id = db.lastInsertedRowID
            }
            guard let id, id <= Int64(Int32.max) else { throw ClicktraxError.operational("too many click sources for one database") }
            sourceIds.append(Int32(id))
            addedByLocal.append(0)
            trackerOfLocal.append(source.trackerId)
        }
    }

    func replace(hours: [Int64]) throws {
        for hour in hours {
            deleteHour.bind(1, hour)
            deleteHour.bind(2, hour + ClickTime.hour)
            totals.replaced += try deleteHour.run(db)
            try db.execute(sql: "DELETE FROM click_rollup WHERE level = 0 AND start = ?", arguments: [hour])
            touchedHours.insert(hour)
        }
    }

    static let batchSize = 64

    func add(_ rows: [ClickRow]) throws {
        var start = 0
        // Runs of rows newer than every stored click, a batch at a time. Two rows of this import
        // with one key (a feed that repeats a click) make a batch change fewer rows than it has:
        // it is undone to its savepoint and its rows go in one by one, which tells which.
        while start + Self.batchSize <= rows.count {
            let batch = rows[start..<(start + Self.batchSize)]
            guard batch.allSatisfy({ $0.at > storedUntil }) else { break }
            try db.execute(sql: "SAVEPOINT click_batch")
            var index: Int32 = 1
            for row in batch {
                insertBatch.bind(index, row.at)
                insertBatch.bind(index + 1, row.key)
                insertBatch.bind(index + 2, Int64(sourceIds[Int(row.source)]))
                insertBatch.bind(index + 3, row.cost)
                index += 4
            }
            if try insertBatch.run(db) == Self.batchSize {
                try db.execute(sql: "RELEASE click_batch")
                for row in batch { addedByLocal[Int(row.source)] += 1 }
                totals.added += Self.batchSize
            } else {
                try db.execute(sql: "ROLLBACK TO click_batch")
                try db.execute(sql: "RELEASE click_batch")
                try addOneByOne(batch)
            }
            start += Self.batchSize
        }
        try addOneByOne(rows[start...])
    }

    private func addOneByOne(_ rows: ArraySlice<ClickRow>) throws {
        var added = 0
        defer { totals.added += added; totals.alreadyThere += rows.count - added }
        let insert = insertClick, sourceIds = self.sourceIds
        for row in rows {
            insert.bind(1, row.at)
            insert.bind(2, row.key)
            insert.bind(3, Int64(sourceIds[Int(row.source)]))
            insert.bind(4, row.cost)
            if try insert.run(db) == 1 {
                added += 1
                addedByLocal[Int(row.source)] += 1
            } else {
                resumHours.insert(ClickTime.startOfHour(row.at))
            }
        }
    }

    func add(sums: [(key: Int64, sum: ClickHourSum)]) throws {
        var byHour: [Int64: [(Int32, ClickHourSum)]] = [:]
        for (key, sum) in sums {
            byHour[(key >> 32) * ClickTime.hour, default: []].append((sourceIds[Int(Int32(truncatingIfNeeded: key))], sum))
        }
        var merged = ClickRollupSum()
        for (hour, sources) in byHour {
            try readBlocks(level: 0, from: hour, to: hour + ClickTime.hour) { start, entries in
                try merged.add(entries, blockStart: start)
            }
            for (source, sum) in sources {
                merged.add(source: source, clicks: sum.clicks, cost: sum.cost, first: sum.first, last: sum.last)
            }
            try store(level: 0, start: hour, entries: merged.take(blockStart: hour))
            touchedHours.insert(hour)
        }
    }

    /// Sums again the hours where clicks were skipped, then rebuilds every larger block over a
    /// touched hour from the level below. Returns what the import did.
    func finish() throws -> ClickWriteTotals {
        try resum(resumHours)
        var below = touchedHours.union(resumHours)
        for level in 1..<ClickRollup.levelHours.count {
            let starts = Set(below.map { ClickRollup.start(of: $0, level: level) })
            let size = ClickRollup.size(level: level)
            for start in starts {
                var sum = ClickRollupSum()
                try readBlocks(level: level - 1, from: start, to: start + size) { childStart, entries in
                    try sum.add(entries, blockStart: childStart)
                }
                try store(level: level, start: start, entries: sum.take(blockStart: start))
            }
            below = starts
        }
        for (local, count) in addedByLocal.enumerated() where count > 0 { totals.addedBySource[Int32(local)] = count }
        if !sourceIds.isEmpty { try storeSourcePack() }
        return totals
    }

    /// Rebuilds the packed copy of every source that reports read.
    private func storeSourcePack() throws {
        let size = Int(try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM click_source") ?? 0) + 1
        var tracker = [Int64](repeating: 0, count: size)
        var lineItem = tracker, publisher = tracker, placement = tracker
        var domain = [String](repeating: "", count: size)
        let scan = try RawStatement(db, "SELECT id, tracker_id, line_item_id, publisher_id, placement_id, site_domain FROM click_source")
        try scan.forEachRow(db) { row in
            let id = Int(row.int64(0))
            tracker[id] = row.int64(1)
            lineItem[id] = row.int64(2)
            publisher[id] = row.int64(3)
            placement[id] = row.int64(4)
            domain[id] = row.text(5)
        }
        let pack = ClickSourcePack(tracker: tracker, lineItem: lineItem, publisher: publisher, placement: placement, domain: domain)
        let statement = try RawStatement(db, "INSERT OR REPLACE INTO click_source_pack (id, pack) VALUES (1, ?)")
        statement.bind(1, blob: pack.encode())
        try statement.run(db)
    }

    /// The hour blocks of `hours` summed from the stored clicks.
    private func resum(_ hours: Set<Int64>) throws {
        let scan = try RawStatement(db, """
            SELECT source_id, count(*), sum(media_cost_billionths), min(at), max(at)
            FROM click WHERE at >= ? AND at < ? GROUP BY source_id
            """)
        var sum = ClickRollupSum()
        for hour in hours {
            scan.bind(1, hour)
            scan.bind(2, hour + ClickTime.hour)
            do {
                try scan.forEachRow(db) { row in
                    sum.add(source: Int32(row.int64(0)), clicks: UInt32(clamping: row.int64(1)), cost: row.int64(2),
                            first: row.int64(3), last: row.int64(4))
                }
            } catch let error as DatabaseError where error.message?.contains("integer overflow") == true {
                // Costs past what 64 bits hold (a feed of absurd costs): summed here, held at the largest.
                _ = sum.take(blockStart: hour)
                try resumSaturating(hour, into: &sum)
            }
            try store(level: 0, start: hour, entries: sum.take(blockStart: hour))
        }
    }

    /// One hour's blocks summed click by click, each sum held at the largest cost there is.
    private func resumSaturating(_ hour: Int64, into sum: inout ClickRollupSum) throws {
        let rows = try RawStatement(db, "SELECT source_id, media_cost_billionths, at FROM click WHERE at >= ? AND at < ?")
        rows.bind(1, hour)
        rows.bind(2, hour + ClickTime.hour)
        try rows.forEachRow(db) { row in
            let at = row.int64(2)
            sum.add(source: Int32(row.int64(0)), clicks: 1, cost: row.int64(1), first: at, last: at)
        }
    }

    func readBlocks(level: Int, from: Int64, to: Int64,
                    _ body: (Int64, UnsafeBufferPointer<ClickRollup.Entry>) throws -> Void) throws {
        try SQLiteStore.readRollupBlocks(db, level: level, from: from, to: to, body)
    }

    private func store(level: Int, start: Int64, entries: [ClickRollup.Entry]) throws {
        if entries.isEmpty {
            try db.execute(sql: "DELETE FROM click_rollup WHERE level = ? AND start = ?", arguments: [level, start])
            return
        }
        let statement = try RawStatement(db, """
            INSERT INTO click_rollup (level, start, entries, clicks, cost, first, last) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (level, start) DO UPDATE SET entries = excluded.entries, clicks = excluded.clicks,
                cost = excluded.cost, first = excluded.first, last = excluded.last
            """)
        statement.bind(1, Int64(level))
        statement.bind(2, start)
        statement.bind(3, blob: ClickRollup.encode(entries))
        var clicks: Int64 = 0, cost: Int64 = 0, first = UInt32.max, last: UInt32 = 0
        for entry in entries {
            clicks += Int64(entry.clicks)
            cost = ClickCost.sum(cost, entry.cost)
            first = min(first, entry.first)
            last = max(last, entry.last)
        }
        statement.bind(4, clicks)
        statement.bind(5, cost)
        statement.bind(6, start + Int64(first))
        statement.bind(7, start + Int64(last))
        try statement.run(db)
    }
}

extension SQLiteStore {
    /// The rollup blocks of `level` that start in `[from, to)`, in time order, read in place.
    static func readRollupBlocks(_ db: Database, level: Int, from: Int64, to: Int64,
                                 _ body: (Int64, UnsafeBufferPointer<ClickRollup.Entry>) throws -> Void) throws {
        let statement = try RawStatement(db, "SELECT start, entries FROM click_rollup WHERE level = ? AND start >= ? AND start < ? ORDER BY start")
        statement.bind(1, Int64(level))
        statement.bind(2, from)
        statement.bind(3, to)
        try statement.forEachRow(db) { row in
            let start = row.int64(0)
            try row.withBlob(1) { bytes in try ClickRollup.withEntries(bytes) { try body(start, $0) } }
        }
    }
}
