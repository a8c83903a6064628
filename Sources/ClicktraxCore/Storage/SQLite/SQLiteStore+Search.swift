import Foundation
import GRDB

/// Line item search: the ranking is `LineItemRanking`'s (Core); this store answers its lookups.
/// The last two tiers and the fallback read the search index
/// (`SearchIndexBuilder`), which lives in the `search_*` tables and is rebuilt from `line_item`
/// whenever the catalog has changed since (`refreshSearchIndex`). While it is out of date, a
/// search scans the names instead: slower on a big catalog, never wrong.
extension SQLiteStore {
    public func searchLineItems(_ term: String, limit: Int) throws -> [LineItem] {
        try findLineItems(term, limit: limit, advertiser: nil).items
    }

    public func findLineItems(_ term: String, limit: Int, advertiser: Int64?) throws -> LineItemMatches {
        let ranked = try LineItemRanking.rank(term, limit: limit, advertiser: advertiser, in: self)
        return LineItemMatches(items: try lineItems(ids: ranked.ids), fuzzy: ranked.fuzzy, matching: ranked.matching)
    }

    /// Builds the search index if the catalog changed since it was built, and loads it for the
    /// searches to come. Returns whether it built one. The names are read from a snapshot, so
    /// writers are not held up while the index is computed; it is stored only if the catalog is
    /// still that snapshot's.
    @discardableResult
    public func refreshSearchIndex() throws -> Bool {
        let built = try buildSearchIndex()
        _ = try currentSearchIndex()
        try ensureCodeKeyIndex()
        return built
    }

    public func refreshNameIndex() throws {
        _ = try buildSearchIndex()
        _ = try currentSearchIndex()
    }

    /// `refreshSearchIndex`, then the whole index read into memory: for a session that will search
    /// a lot (the UI, on a background thread at start), so no keystroke waits for a cold read.
    public func prepareSearch() throws {
        try refreshSearchIndex()
        try currentSearchIndex()?.loadAllIds()
    }

    /// The index codes are found by (migration v9), made again if a bulk load left it out. A
    /// bulk load — an import, a first pull, the demo — rebuilds the line item indexes from the
    /// finished table, all but this one: it is derived data the first search builds (0.7 s at a
    /// million line items), so an import's time is its data's. Until it is there, a search by
    /// the start of a code scans (correct, slower); a read-only database keeps scanning.
    public func ensureCodeKeyIndex() throws {
        guard !isReadOnly else { return }
        let present = try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?)",
                              arguments: [Self.deferredLineItemIndex.name]) ?? false
        }
        guard !present else { return }
        try write { db in try db.execute(sql: Self.deferredLineItemIndex.sql) }
    }

    /// The line item index a bulk load does not rebuild (`ensureCodeKeyIndex` does).
    static let deferredLineItemIndex = (name: "line_item_by_code_key", sql: SchemaMigrations.v9)

    /// Rebuilds the line item indexes a bulk load dropped, but the deferred one.
    static func rebuild(_ indexes: [Row], _ db: Database) throws {
        for index in indexes where (index["name"] as String) != deferredLineItemIndex.name { try db.execute(sql: index["sql"]) }
    }

    /// Builds the search index even if it is current (for the benchmark, and after a suspected
    /// damage); returns whether it was stored.
    @discardableResult
    public func rebuildSearchIndex() throws -> Bool {
        try write(Self.catalogChanged)
        return try refreshSearchIndex()
    }

    private func buildSearchIndex() throws -> Bool {
        let (catalog, indexed) = try read(Self.generations)
        guard catalog != indexed, let catalog else { return false }
        let built = try read { db in
            var builder = SearchIndexBuilder()
            // Through SQLite's C API, each name read in place: GRDB's row for each of a million
            // names was half the build.
            let rows = try RawStatement(db, "SELECT id, search_name FROM line_item ORDER BY search_name, id")
            try rows.forEachRow(db) { row in
                row.withBlob(1) { builder.add(id: row.int64(0), folded: $0.bindMemory(to: UInt8.self)) }
            }
            return builder.finish()
        }
        return try write { db in
            guard try Self.generations(db).catalog == catalog else { return false }
            try db.execute(sql: """
                DELETE FROM search_vocabulary; DELETE FROM search_postings; DELETE FROM search_singles; DELETE FROM search_ids;
                DELETE FROM search_stale
                """)
            for (chunk, bytes) in Self.chunks(ofTerms: built.vocabulary).enumerated() {
                try db.execute(sql: "INSERT INTO search_vocabulary (chunk, terms) VALUES (?, ?)", arguments: [chunk, Data(bytes)])
            }
            let insertPostings = try db.cachedStatement(sql: "INSERT INTO search_postings (term, ordinals) VALUES (?, ?)")
            for (term, list) in built.postings {
                try insertPostings.execute(arguments: [term, Data(list.encoded)])
            }
            for (chunk, start) in stride(from: 0, to: built.singles.count, by: Self.singlesPerChunk).enumerated() {
                let bytes = Self.littleEndianBytes(built.singles[start..<min(start + Self.singlesPerChunk, built.singles.count)])
                try db.execute(sql: "INSERT INTO search_singles (chunk, ordinals) VALUES (?, ?)", arguments: [chunk, bytes])
            }
            for (chunk, start) in stride(from: 0, to: built.ids.count, by: Self.idsPerChunk).enumerated() {
                let bytes = Self.littleEndianBytes(built.ids[start..<min(start + Self.idsPerChunk, built.ids.count)])
                try db.execute(sql: "INSERT INTO search_ids (chunk, ids) VALUES (?, ?)", arguments: [chunk, bytes])
            }
            try Self.setSetting(db, Self.searchGenerationKey, catalog)
            return true
        }
    }

    /// The numbers as the stored chunks hold them, little-endian, in one copy (not an append per number).
    static func littleEndianBytes<Number: FixedWidthInteger>(_ numbers: ArraySlice<Number>) -> Data {
        numbers.map(\.littleEndian).withUnsafeBytes { Data($0) }
    }

    /// Marks the catalog as changed, so the search index is rebuilt before it is trusted again.
    /// Called in the transaction of every load and import that writes line items.
    static func catalogChanged(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO setting (key, value) VALUES (?, lower(hex(randomblob(8))))
            ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """, arguments: [catalogGenerationKey])
    }

    static let catalogGenerationKey = "catalog.generation"
    static let searchGenerationKey = "search.generation"
    /// Changes whenever the overlay does (`search_stale`): the loaded index reloads it.
    static let overlayGenerationKey = "search.overlay"
    /// Renamed or added line items the overlay holds at most; past it a pull rebuilds the index.
    static let overlayLimit = 10_000

    /// Notes the line items a pull is about to rename or add (those staged whose name differs or
    /// that are new) as stale in the index, keeping each one's indexed name — or, past the
    /// overlay's limit or without a current index, marks the catalog changed for a rebuild.
    /// Must run before the staged names are written.
    static func lineItemsRenamed(_ db: Database) throws {
        let (catalog, indexed) = try generations(db)
        guard let catalog, catalog == indexed else { return }
        try db.execute(sql: """
            INSERT OR IGNORE INTO search_stale (id, old_name)
            SELECT s.id, l.search_name FROM invest_stage_line_item s LEFT JOIN line_item l ON l.id = s.id
            WHERE l.id IS NULL OR l.name IS NOT s.name
            """)
        let stale = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_stale") ?? 0
        if stale > overlayLimit {
            try catalogChanged(db)
        } else {
            try db.execute(sql: """
                INSERT INTO setting (key, value) VALUES (?, lower(hex(randomblob(8))))
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, arguments: [overlayGenerationKey])
        }
    }
    static let idsPerChunk = 65_536
    static let singlesPerChunk = 262_144
    static let vocabularyChunkBytes = 1 << 20

    static func generations(_ db: Database) throws -> (catalog: String?, indexed: String?) {
        let rows = try Row.fetchAll(
            db, sql: "SELECT key, value FROM setting WHERE key IN (?, ?)", arguments: [catalogGenerationKey, searchGenerationKey])
        let values = Dictionary(rows.map { ($0["key"] as String, $0["value"] as String) }, uniquingKeysWith: { first, _ in first })
        return (values[catalogGenerationKey], values[searchGenerationKey])
    }

    static func setSetting(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(
            sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    /// The vocabulary in pieces of about a megabyte, each ending at the end of a term.
    static func chunks(ofTerms vocabulary: [UInt8]) -> [ArraySlice<UInt8>] {
        var chunks: [ArraySlice<UInt8>] = []
        var start = 0
        while start < vocabulary.count {
            var end = min(start + vocabularyChunkBytes, vocabulary.count)
            while end < vocabulary.count && vocabulary[end - 1] != 0x0A { end += 1 }
            chunks.append(vocabulary[start..<end])
            start = end
        }
        return chunks
    }

    /// The index for the catalog as it is now, loaded once per generation; nil while it is out
    /// of date (or the catalog has never been indexed).
    func currentSearchIndex() throws -> LineItemSearchIndex? {
        try read { db -> LineItemSearchIndex? in
            let (catalog, indexed) = try Self.generations(db)
            guard let catalog, catalog == indexed else { return nil }
            let overlayStamp = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.overlayGenerationKey]) ?? ""
            let generation = catalog + "+" + overlayStamp
            if let cached = caches.searchIndex.withLock({ $0 }), cached.generation == generation { return cached }
            let overlay = SearchOverlay(try Row.fetchAll(db, sql: """
                SELECT s.id, s.old_name, l.search_name FROM search_stale s LEFT JOIN line_item l ON l.id = s.id ORDER BY s.id
                """).map { SearchOverlay.Entry(id: $0[0], old: $0[1], current: $0[2]) })
            var vocabulary: [UInt8] = []
            for chunk in try Data.fetchAll(db, sql: "SELECT terms FROM search_vocabulary ORDER BY chunk") {
                vocabulary.append(contentsOf: chunk)
            }
            var singles: [UInt32] = []
            for chunk in try Data.fetchAll(db, sql: "SELECT ordinals FROM search_singles ORDER BY chunk") {
                chunk.withUnsafeBytes { bytes in
                    for offset in stride(from: 0, to: bytes.count - 3, by: 4) {
                        singles.append(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                    }
                }
            }
            let last = try Row.fetchOne(db, sql: "SELECT chunk, length(ids) AS bytes FROM search_ids ORDER BY chunk DESC LIMIT 1")
            let count = last.map { ($0["chunk"] as Int) * Self.idsPerChunk + ($0["bytes"] as Int) / 8 } ?? 0
            let writer = self.writer
            let index = LineItemSearchIndex(
                generation: generation, count: count, vocabulary: SearchVocabulary(bytes: vocabulary), singles: singles,
                idsPerChunk: Self.idsPerChunk, overlay: overlay,
                names: { ids in
                    try writer.read { db in
                        let rows = try Self.fetch(ids, in: db, select: "SELECT id, search_name FROM line_item", idColumn: "id",
                                                  id: { $0.0 }) { row in (row[0] as Int64, row[1] as String) }
                        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
                    }
                }
            ) { term in
                // Read with the generation in the same statement: a posting list of a newer
                // index must never be mixed into this one's vocabulary.
                try writer.read { db in
                    guard let row = try Row.fetchOne(
                        db, sql: """
                            SELECT p.ordinals FROM search_postings p JOIN setting s ON s.key = ? AND s.value = ?
                            WHERE p.term = ?
                            """, arguments: [Self.searchGenerationKey, catalog, term]) else { throw SearchIndexChanged() }
                    return try row.withUnsafeData(atIndex: 0) { data in
                        guard let list = (data ?? Data()).withUnsafeBytes({ PostingList.decode($0, capacity: count) }) else {
                            throw SearchIndexChanged()
                        }
                        return list
                    }
                }
            } idChunk: { chunk in
                try writer.read { db in
                    guard let data = try Data.fetchOne(
                        db, sql: """
                            SELECT i.ids FROM search_ids i JOIN setting s ON s.key = ? AND s.value = ?
                            WHERE i.chunk = ?
                            """, arguments: [Self.searchGenerationKey, catalog, chunk]) else { throw SearchIndexChanged() }
                    return data.withUnsafeBytes { bytes in
                        stride(from: 0, to: bytes.count - 7, by: 8).map {
                            Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: $0, as: Int64.self))
                        }
                    }
                }
            }
            caches.searchIndex.withLock { $0 = index }
            return index
        }
    }

    /// Every word anywhere in the name, names in order: the search while the index is out of date.
    private func scanLineItems(_ words: [String], advertiser: Int64?, limit: Int) throws -> [Int64] {
        try read { db in
            var conditions = words.map { _ in "instr(search_name, ?) > 0" }
            var arguments = StatementArguments(words)
            if let advertiser {
                conditions.append("advertiser_id = ?")
                arguments += [advertiser]
            }
            return try Int64.fetchAll(
                db, sql: "SELECT id FROM line_item WHERE \(conditions.joined(separator: " AND ")) ORDER BY search_name, id LIMIT ?",
                arguments: arguments + [limit])
        }
    }

    /// These line items, in this order.
    func lineItems(ids: [Int64]) throws -> [LineItem] {
        try read { db in
            let kind = LineItem.descriptor
            return try Self.fetch(ids, in: db, select: kind.selectSQL, idColumn: "id", id: \.id, kind.model(from:))
        }
    }

    /// The objects with these ids, in this order (ids not found are left out), read in batches:
    /// SQLite takes at most 32,766 parameters, and an export may name more trackers.
    static func fetch<T>(
        _ ids: [Int64], in db: Database, select: String, idColumn: String, id: (T) -> Int64, _ make: (Row) throws -> T
    ) throws -> [T] {
        let found = try stride(from: 0, to: ids.count, by: 500).flatMap { start in
            let batch = ids[start..<min(start + 500, ids.count)]
            return try Row.fetchAll(
                db, sql: "\(select) WHERE \(idColumn) IN (\(Array(repeating: "?", count: batch.count).joined(separator: ",")))",
                arguments: StatementArguments(Array(batch))
            ).map(make)
        }
        let byId = Dictionary(found.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byId[$0] }
    }
}

/// Thrown when the search index was rebuilt under a search: that search scans instead.
struct SearchIndexChanged: Error {}

/// What a line item search found, and whether only by letters in order.
public struct LineItemMatches: Sendable {
    public var items: [LineItem]
    /// No name holds every word; these hold the letters in order (closest first).
    public var fuzzy: Bool
    /// How many match in all, as far as counted (nil: not counted — the index was out of date).
    public var matching: MatchCount?
}

extension SQLiteStore: LineItemLookup {
    public func lineItems(id: Int64?, code: String?, namePrefix: String, advertiser: Int64?, limit: Int) throws -> [[Int64]] {
        let only = advertiser == nil ? "" : " AND advertiser_id = ?"
        let theirs: StatementArguments = advertiser.map { [$0] } ?? []
        return try read { db in
            var tiers: [[Int64]] = []
            if let id {
                tiers.append(try Int64.fetchAll(db, sql: "SELECT id FROM line_item WHERE id = ?\(only)", arguments: [id] + theirs))
            }
            if let code {
                tiers.append(try Int64.fetchAll(
                    db, sql: "SELECT id FROM line_item WHERE code = ? COLLATE NOCASE\(only) ORDER BY id LIMIT ?",
                    arguments: [code] + theirs + [limit]))
                // Codes starting with it, any case, separators or not: a range on migration v9's index.
                let key = LineItemCodeKey.key(code)
                if !key.isEmpty {
                    tiers.append(try Int64.fetchAll(db, sql: """
                        SELECT id FROM line_item WHERE code IS NOT NULL AND \(LineItemCodeKey.sql) >= ? AND \(LineItemCodeKey.sql) < ?\(only)
                        ORDER BY \(LineItemCodeKey.sql), id LIMIT ?
                        """, arguments: [key, key + "\u{10FFFF}"] + theirs + [limit]))
                }
            }
            if let id, id > 0 {
                tiers.append(try Self.ids(startingWith: id, only: only, theirs, limit: limit, db))
            }
            // A range on the folded-name index: an exact name sorts first of these.
            tiers.append(try Int64.fetchAll(
                db, sql: "SELECT id FROM line_item WHERE search_name >= ? AND search_name < ?\(only) ORDER BY search_name, id LIMIT ?",
                arguments: [namePrefix, namePrefix + "\u{10FFFF}"] + theirs + [limit]))
            return tiers
        }
    }

    /// Ids whose digits start with `id`'s, shortest first: 749, 7490…7499, 74900…74999, … — a
    /// range of the primary key each, taken until `limit` are found.
    static func ids(startingWith id: Int64, only: String, _ theirs: StatementArguments, limit: Int, _ db: Database) throws -> [Int64] {
        var found: [Int64] = []
        var low = id, high = id + 1
        while found.count < limit && low <= InvestIDs.maxID {
            if low != id {
                found += try Int64.fetchAll(db, sql: "SELECT id FROM line_item WHERE id >= ? AND id < ?\(only) ORDER BY id LIMIT ?",
                                            arguments: [low, high] + theirs + [limit - found.count])
            }
            guard low <= InvestIDs.maxID / 10 else { break }
            low *= 10
            high *= 10
        }
        return found
    }

    /// From the search index while it is current; a scan of the names otherwise (or when the
    /// index was rebuilt under this search).
    public func lineItems(holdingEveryWord words: [String], advertiser: Int64?, limit: Int,
                          skip: (Int64) -> Bool) throws -> (ids: [Int64], matching: MatchCount?) {
        guard let index = try currentSearchIndex() else { return (try scanLineItems(words, advertiser: advertiser, limit: limit), nil) }
        do {
            if let advertiser {
                let theirs = try lineItemIDs(ofAdvertiser: advertiser)
                return (try index.rank(words, limit: limit) { skip($0) || !theirs.contains($0) }.ids, nil)
            }
            let (ids, matching) = try index.rank(words, limit: limit, skip: skip)
            return (ids, matching)
        } catch is SearchIndexChanged {
            return (try scanLineItems(words, advertiser: advertiser, limit: limit), nil)
        }
    }

    /// Only from the search index: without it there is no fallback to offer.
    public func lineItems(lettersInOrder words: [String], advertiser: Int64?, limit: Int) throws -> (ids: [Int64], matching: MatchCount?) {
        guard let index = try currentSearchIndex() else { return ([], nil) }
        do {
            let theirs = try advertiser.map { try lineItemIDs(ofAdvertiser: $0) }
            let (ids, matching) = try index.fuzzyRank(words, limit: limit, keep: theirs.map { set in { set.contains($0) } })
            return (ids, matching)
        } catch is SearchIndexChanged {
            return ([], nil)
        }
    }

    /// An advertiser's line items, read once per catalog generation and kept: a picker filtered
    /// by advertiser asks on every keystroke, and the column has no index of its own (one more
    /// index would cost every big import its rebuild).
    func lineItemIDs(ofAdvertiser advertiser: Int64) throws -> Set<Int64> {
        try read { db in
            let key = "\(try Self.generations(db).catalog ?? "-")/\(advertiser)"
            if let kept = caches.advertiserLineItems.withLock({ $0 }), kept.key == key { return kept.ids }
            let ids = Set(try Int64.fetchAll(db, sql: "SELECT id FROM line_item WHERE advertiser_id = ?", arguments: [advertiser]))
            caches.advertiserLineItems.withLock { $0 = (key, ids) }
            return ids
        }
    }
}
