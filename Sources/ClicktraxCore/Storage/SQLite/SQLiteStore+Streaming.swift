import GRDB

extension SQLiteStore {
    /// Every line item in id order, one at a time: `count` first, then `body` per item, all in
    /// one read (one snapshot, so the count is the number of items that follow). Nothing is
    /// held: a million line items list in the memory of one.
    public func forEachLineItem(count: (Int) throws -> Void, _ body: (LineItem) throws -> Void) throws {
        let kind = LineItem.descriptor
        try stream(countSQL: "SELECT count(*) FROM line_item", sql: "\(kind.selectSQL) ORDER BY id",
                   arguments: [], map: kind.model(from:), count: count, body)
    }

    /// The trackers `query` selects (its sort; no limit), one at a time, like `forEachLineItem`.
    public func forEachTracker(_ query: TrackerQuery, count: (Int) throws -> Void, _ body: (Tracker) throws -> Void) throws {
        let (whereClause, arguments) = Self.filter(query)
        let direction = query.descending ? "DESC" : "ASC"
        try stream(
            countSQL: "SELECT count(*) FROM \(tables.trackers) t \(Self.joins(for: query)) \(whereClause)",
            sql: "\(Self.trackerSelect(tables)) \(whereClause) ORDER BY \(Self.orderColumn(query.sort)) \(direction), t.id \(direction)",
            arguments: arguments, map: { [kind = tables.kind] in Self.tracker(from: $0, kind: kind) }, count: count, body)
    }

    /// A streamed listing gathered into an array, for callers that want them all.
    func collect<T>(_ listing: (_ count: (Int) throws -> Void, _ each: (T) throws -> Void) throws -> Void) throws -> [T] {
        var all: [T] = []
        try listing({ all.reserveCapacity($0) }, { all.append($0) })
        return all
    }

    func stream<T>(countSQL: String, sql: String, arguments: StatementArguments, map: (Row) -> T,
                           count: (Int) throws -> Void, _ body: (T) throws -> Void) throws {
        try read { db in
            try count(try Int.fetchOne(db, sql: countSQL, arguments: arguments) ?? 0)
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() { try body(map(row)) }
        }
    }
}
