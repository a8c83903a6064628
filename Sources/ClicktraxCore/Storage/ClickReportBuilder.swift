import GRDB

/// Answers a `ClickReportQuery` from the rollup blocks (never the raw clicks): each source is
/// given its group once (the query's non-time dimensions and filters, through the source pack's
/// ordinals), the range is cut into the fewest aligned blocks per time bucket, and every block's
/// entries are summed into dense arrays by group — one pass over a few megabytes for 30 days,
/// whatever the number of clicks.
struct ClickReportBuilder {
    let db: Database
    let query: ClickReportQuery
    let pack: ClickSourcePack
    var names = true

    /// Cells of groups × buckets up to this many are a dense array; more, a hash map.
    static let denseCells = 2_000_000

    func build() throws -> ClickReport {
        guard let newest = try Int64.fetchOne(db, sql: "SELECT max(at) FROM click") else { return .empty(query) }
        let to = ceilHour(query.to ?? ClickTime.startOfDay(newest) + ClickTime.day)
        let from = ClickTime.startOfHour(query.from ?? to - ClickReportQuery.defaultDays * ClickTime.day)
        var report = ClickReport(query: query, from: from, to: to, newestClick: newest, rows: [], clicks: 0, cost: 0, days: [])
        guard from < to else { return report }

        let dimensions = query.dimensions.filter { !$0.isTime }.compactMap(ClickSourcePack.dimensionIndex)
        let (groupOfSource, groups) = assignGroups(dimensions)
        let bucketSize: Int64? = query.dimensions.contains(.hour) ? ClickTime.hour : query.dimensions.contains(.day) ? ClickTime.day : nil
        let series = query.dailySeries && bucketSize == nil
        if series { report.days = Array(stride(from: ClickTime.startOfDay(from), to: to, by: Int(ClickTime.day))) }

        let blockReader = try RawStatement(db, "SELECT entries FROM click_rollup WHERE level = ? AND start = ?")
        func eachBlock(from: Int64, to: Int64, _ body: (Int64, UnsafeBufferPointer<ClickRollup.Entry>) -> Void) throws {
            for (level, start) in ClickRollup.blocks(from: from, to: to) {
                blockReader.bind(1, Int64(level))
                blockReader.bind(2, start)
                try blockReader.forEachRow(db) { row in
                    row.withBlob(0) { bytes in ClickRollup.withEntries(bytes) { body(start, $0) } }
                }
            }
        }
        let sourceCount = groupOfSource.count
        // By time alone, unfiltered: each block's own totals, not its entries.
        let byTimeAlone = dimensions.isEmpty && query.trackers.isEmpty && query.lineItems.isEmpty && query.publishers.isEmpty
        let totalsReader = try RawStatement(db, "SELECT clicks, cost, first, last FROM click_rollup WHERE level = ? AND start = ?")
        func blockTotals(from: Int64, to: Int64, into cell: inout Cell) throws {
            for (level, start) in ClickRollup.blocks(from: from, to: to) {
                totalsReader.bind(1, Int64(level))
                totalsReader.bind(2, start)
                try totalsReader.forEachRow(db) { row in
                    cell.clicks &+= UInt64(row.int64(0))
                    cell.cost &+= row.int64(1)
                    cell.first = min(cell.first, row.int64(2))
                    cell.last = max(cell.last, row.int64(3))
                }
            }
        }
        if let bucketSize, byTimeAlone {
            let firstBucket = ClickTime.floorDiv(from, bucketSize) * bucketSize
            var bucketStart = firstBucket
            while bucketStart < to {
                var cell = Cell()
                try blockTotals(from: max(from, bucketStart), to: min(to, bucketStart + bucketSize), into: &cell)
                if cell.clicks > 0 { report.rows.append(row(cell, keys: keys([], dimensions: [], time: bucketStart))) }
                bucketStart += bucketSize
            }
        } else if let bucketSize {
            let firstBucket = ClickTime.floorDiv(from, bucketSize) * bucketSize
            let buckets = Int((to - 1 - firstBucket) / bucketSize + 1)
            var cells = Cells(count: groups.count * buckets <= Self.denseCells ? groups.count * buckets : 0)
            var sparse = FastKeyMap<Int64, Cell>()
            for bucket in 0..<buckets {
                let bucketStart = firstBucket + Int64(bucket) * bucketSize
                try eachBlock(from: max(from, bucketStart), to: min(to, bucketStart + bucketSize)) { start, entries in
                    for entry in entries where Int(entry.source) < sourceCount {
                        let group = Int(groupOfSource[Int(entry.source)])
                        if group < 0 { continue }
                        if cells.isEmpty {
                            let key = Int64(group * buckets + bucket)
                            if let index = sparse.index(of: key) { sparse[index: index].add(entry, start) } else {
                                var cell = Cell()
                                cell.add(entry, start)
                                sparse.append(key, cell)
                            }
                        } else {
                            cells.values[group * buckets + bucket].add(entry, start)
                        }
                    }
                }
            }
            var found: [(group: Int, bucket: Int, cell: Cell)] = []
            if cells.isEmpty {
                for (key, cell) in zip(sparse.keys, sparse.values) { found.append((Int(key) / buckets, Int(key) % buckets, cell)) }
            } else {
                for index in cells.values.indices where cells.values[index].clicks > 0 {
                    found.append((index / buckets, index % buckets, cells.values[index]))
                }
            }
            // In the query's order: time first or the groups first (groups are numbered sorted).
            let timeFirst = query.dimensions.first?.isTime ?? false
            found.sort { a, b in
                timeFirst ? (a.bucket, a.group) < (b.bucket, b.group) : (a.group, a.bucket) < (b.group, b.bucket)
            }
            report.rows = found.map { group, bucket, cell in
                row(cell, keys: keys(groups[group], dimensions: dimensions, time: firstBucket + Int64(bucket) * bucketSize))
            }
        } else {
            let segments: [(from: Int64, to: Int64, day: Int)] = series
                ? report.days.enumerated().map { (max(from, $1), min(to, $1 + ClickTime.day), $0) }
                : [(from, to, 0)]
            let dayCount = report.days.count
            var cells = Cells(count: groups.count)
            var daily = [Int32](repeating: 0, count: series ? groups.count * dayCount : 0)
            for segment in segments {
                try eachBlock(from: segment.from, to: segment.to) { start, entries in
                    for entry in entries where Int(entry.source) < sourceCount {
                        let group = Int(groupOfSource[Int(entry.source)])
                        if group < 0 { continue }
                        cells.values[group].add(entry, start)
                        if series { daily[group * dayCount + segment.day] &+= Int32(truncatingIfNeeded: entry.clicks) }
                    }
                }
            }
            report.rows.reserveCapacity(groups.count)
            for group in groups.indices where cells.values[group].clicks > 0 {
                var row = self.row(cells.values[group], keys: keys(groups[group], dimensions: dimensions, time: nil))
                if series { row.daily = Array(daily[(group * dayCount)..<((group + 1) * dayCount)]) }
                report.rows.append(row)
            }
        }
        if let position = query.dimensions.firstIndex(of: .tracker) {
            let active = try activeTrackers(newest: newest)
            let trackers = pack.distinct[0]
            for index in report.rows.indices {
                if case .object(let id, _) = report.rows[index].keys[position], let ordinal = Self.position(of: id, in: trackers) {
                    report.rows[index].stopped = !active[ordinal]
                }
            }
        }
        for row in report.rows {
            report.clicks += row.clicks
            report.cost += row.cost
        }
        if names { try name(&report.rows) }
        return report
    }

    /// Each source's group (-1: a filter leaves it out), and each group's ordinals, the groups
    /// numbered in sorted order. One dimension and no filter: the ordinals are the groups.
    private func assignGroups(_ dimensions: [Int]) -> (groupOfSource: [Int32], groups: [[Int32]]) {
        let count = pack.count
        let filtered = !query.trackers.isEmpty || !query.lineItems.isEmpty || !query.publishers.isEmpty
        func included(_ source: Int) -> Bool {
            pack.tracker[source] != 0
                && (query.trackers.isEmpty || query.trackers.contains(pack.tracker[source]))
                && (query.lineItems.isEmpty || query.lineItems.contains(pack.lineItem[source]))
                && (query.publishers.isEmpty || query.publishers.contains(pack.publisher[source]))
        }
        if dimensions.count == 1 {
            let dimension = dimensions[0]
            var groupOfSource = pack.ordinals[dimension]
            for source in 0..<count where source == 0 || (filtered && !included(source)) || pack.tracker[source] == 0 {
                groupOfSource[source] = -1
            }
            let distinct = dimension < 4 ? pack.distinct[dimension].count : pack.domains.count
            return (groupOfSource, (0..<distinct).map { [Int32($0)] })
        }
        var groupOfSource = [Int32](repeating: -1, count: count)
        var index: [[Int32]: Int32] = [:]
        var groups: [[Int32]] = []
        for source in 1..<max(1, count) where included(source) {
            let key = dimensions.map { pack.ordinals[$0][source] }
            if let group = index[key] {
                groupOfSource[source] = group
            } else {
                index[key] = Int32(groups.count)
                groupOfSource[source] = Int32(groups.count)
                groups.append(key)
            }
        }
        // Renumber in sorted order, so the rows come out sorted.
        let order = groups.indices.sorted { groups[$0].lexicographicallyPrecedes(groups[$1]) }
        var renumber = [Int32](repeating: 0, count: groups.count)
        for (new, old) in order.enumerated() { renumber[old] = Int32(new) }
        for source in groupOfSource.indices where groupOfSource[source] >= 0 { groupOfSource[source] = renumber[Int(groupOfSource[source])] }
        return (groupOfSource, order.map { groups[$0] })
    }

    private func keys(_ ordinals: [Int32], dimensions: [Int], time: Int64?) -> [ClickGroupKey] {
        var keys: [ClickGroupKey] = []
        keys.reserveCapacity(query.dimensions.count)
        var position = 0
        for dimension in query.dimensions {
            switch dimension {
            case .hour: keys.append(.time(time!))
            case .day: keys.append(.time(ClickTime.startOfDay(time!)))
            case .siteDomain:
                keys.append(.domain(pack.domains[Int(ordinals[position])]))
                position += 1
            default:
                keys.append(.object(id: pack.value(dimension: dimensions[position], ordinal: ordinals[position]), name: nil))
                position += 1
            }
        }
        return keys
    }

    private func row(_ cell: Cell, keys: [ClickGroupKey]) -> ClickReportRow {
        ClickReportRow(keys: keys, clicks: Int(cell.clicks), cost: cell.cost, first: cell.first, last: cell.last)
    }

    private func ceilHour(_ time: Int64) -> Int64 {
        let start = ClickTime.startOfHour(time)
        return start == time ? time : start + ClickTime.hour
    }

    /// Whether each tracker (by its ordinal) had a click in the 24 hours up to the newest click's hour.
    private func activeTrackers(newest: Int64) throws -> [Bool] {
        let end = ClickTime.startOfHour(newest) + ClickTime.hour
        var active = [Bool](repeating: false, count: pack.distinct[0].count)
        let ordinals = pack.ordinals[0]
        let reader = try RawStatement(db, "SELECT start, entries FROM click_rollup WHERE level = 0 AND start >= ? AND start < ?")
        reader.bind(1, end - ClickTime.day)
        reader.bind(2, end)
        try reader.forEachRow(db) { row in
            row.withBlob(1) { bytes in
                ClickRollup.withEntries(bytes) { entries in
                    for entry in entries where entry.source > 0 && Int(entry.source) < ordinals.count {
                        active[Int(ordinals[Int(entry.source)])] = true
                    }
                }
            }
        }
        return active
    }

    /// The index of `value` in a sorted array, by bisection.
    static func position(of value: Int64, in sorted: [Int64]) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value ? low : nil
    }

    /// Names beside ids, for the objects this database knows.
    private func name(_ rows: inout [ClickReportRow]) throws {
        for (position, dimension) in query.dimensions.enumerated() {
            let table: String
            switch dimension {
            case .tracker: table = "click_tracker"
            case .lineItem: table = "line_item"
            case .publisher: table = "publisher"
            case .placement: table = "placement"
            default: continue
            }
            var ids: [Int64] = []
            ids.reserveCapacity(rows.count)
            for row in rows { if case .object(let id, _) = row.keys[position] { ids.append(id) } }
            ids.sort()
            ids = ids.indices.compactMap { $0 == 0 || ids[$0] != ids[$0 - 1] ? ids[$0] : nil }
            let names = try Self.names(db, table: table, sortedIds: ids)
            for index in rows.indices {
                if case .object(let id, _) = rows[index].keys[position], let at = Self.position(of: id, in: ids) {
                    rows[index].keys[position] = .object(id: id, name: names[at])
                }
            }
        }
    }

    /// The names of `sortedIds` (sorted, distinct), aligned with them; nil for an id the table
    /// does not have. Many ids: one scan in id order merged with them (no hashing); few: look-ups.
    static func names(_ db: Database, table: String, sortedIds ids: [Int64]) throws -> [String?] {
        var names = [String?](repeating: nil, count: ids.count)
        if ids.count > 2_000 {
            let scan = try RawStatement(db, "SELECT id, name FROM \(table) ORDER BY id")
            var next = 0
            try scan.forEachRow(db) { row in
                let id = row.int64(0)
                while next < ids.count && ids[next] < id { next += 1 }
                if next < ids.count && ids[next] == id { names[next] = row.text(1) }
            }
            return names
        }
        for start in stride(from: 0, to: ids.count, by: 500) {
            let batch = Array(ids[start..<min(ids.count, start + 500)])
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM \(table) WHERE id IN (\(marks))", arguments: StatementArguments(batch)) {
                if let at = position(of: row["id"], in: ids) { names[at] = row["name"] }
            }
        }
        return names
    }

    struct Cell {
        var clicks: UInt64 = 0
        var cost: Int64 = 0
        var first: Int64 = .max
        var last: Int64 = .min

        mutating func add(_ entry: ClickRollup.Entry, _ start: Int64) {
            clicks &+= UInt64(entry.clicks)
            cost &+= entry.cost
            first = min(first, start + Int64(entry.first))
            last = max(last, start + Int64(entry.last))
        }
    }

    struct Cells {
        var values: [Cell]
        init(count: Int) { values = Array(repeating: Cell(), count: count) }
        var isEmpty: Bool { values.isEmpty }
    }
}
