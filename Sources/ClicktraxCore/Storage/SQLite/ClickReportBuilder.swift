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
    /// Names read ahead on another connection while the sums are added, by the query's
    /// dimension position: for every distinct value of the pack (the slots are by ordinal).
    var namesReadAhead: [Int: () throws -> ClickNamesRead] = [:]

    /// The dimensions (by position among the non-time ones) whose names are worth reading
    /// ahead, concurrently: those with many distinct values, whose names are read by one scan
    /// of the whole table anyway — a scan as long as the sums take.
    static func namesToReadAhead(_ query: ClickReportQuery, pack: ClickSourcePack) -> [(position: Int, table: String, ids: [Int64])] {
        let dimensions = query.dimensions.filter { !$0.isTime }.compactMap(ClickSourcePack.dimensionIndex)
        return dimensions.enumerated().compactMap { position, dimension in
            guard let table = table(dimension), pack.distinct[dimension].count > scanAbove else { return nil }
            return (position, table, pack.distinct[dimension])
        }
    }

    /// More ids than this: their names are read by a scan of the table, not looked up.
    static let scanAbove = 2_000

    static func table(_ dimension: Int) -> String? {
        switch dimension {
        case 0: "click_tracker"
        case 1: "line_item"
        case 2: "publisher"
        case 3: "placement"
        default: nil
        }
    }

    /// Cells of groups × buckets up to this many are a dense array; more, a hash map.
    static let denseCells = 2_000_000

    func build() throws -> ClickReport {
        guard let newest = try Int64.fetchOne(db, sql: "SELECT max(at) FROM click") else { return .empty(query) }
        let to = ceilHour(query.to ?? ClickTime.startOfDay(newest) + ClickTime.day)
        let from = ClickTime.startOfHour(query.from ?? to - ClickReportQuery.defaultDays * ClickTime.day)
        var report = ClickReport(query: query, from: from, to: to, newestClick: newest, rows: ClickReportRows(columnsFor: query.dimensions, domains: pack.domains),
                                 clicks: 0, cost: 0, days: [])
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
                    cell.cost = ClickCost.sum(cell.cost, row.int64(1))
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
                if cell.clicks > 0 { append(cell, group: 0, of: groups, time: bucketStart, names: [], into: &report.rows) }
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
            let names = try self.names(dimensions: dimensions, groups: groups, used: found.lazy.map(\.group), into: &report.rows)
            report.rows.reserveCapacity(found.count)
            for (group, bucket, cell) in found {
                append(cell, group: group, of: groups, time: firstBucket + Int64(bucket) * bucketSize, names: names, into: &report.rows)
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
                    Self.accumulate(entries, start: start, groupOfSource: groupOfSource, into: &cells.values)
                    if series {
                        Self.accumulateDaily(entries, groupOfSource: groupOfSource, day: segment.day, days: dayCount, into: &daily)
                    }
                }
            }
            let names = try self.names(dimensions: dimensions, groups: groups, used: (0..<groups.count).lazy.filter { cells.values[$0].clicks > 0 },
                                       into: &report.rows)
            report.rows.reserveCapacity(groups.count)
            for group in 0..<groups.count where cells.values[group].clicks > 0 {
                append(cells.values[group], group: group, of: groups, time: nil, names: names, into: &report.rows)
                if series { report.rows.appendDaily(daily[(group * dayCount)..<((group + 1) * dayCount)]) }
            }
        }
        if query.dimensions == [.tracker] && query.lineItems.isEmpty && query.publishers.isEmpty
            && from <= Self.activeWindowStart(newest: newest) && to >= Self.activeWindowEnd(newest: newest) {
            // Each row is a tracker's every click in a range that holds the last 24 hours: its
            // last click says it, no blocks to read.
            let windowStart = Self.activeWindowStart(newest: newest)
            for index in report.rows.indices { report.rows.setStopped(index, report.rows.last[index] < windowStart) }
        } else if let position = query.dimensions.firstIndex(of: .tracker) {
            let active = try activeTrackers(newest: newest)
            let trackers = pack.distinct[0]
            for index in report.rows.indices {
                if let id = report.rows.id(index, at: position), let ordinal = Self.position(of: id, in: trackers) {
                    report.rows.setStopped(index, !active[ordinal])
                }
            }
        }
        report.clicks = report.rows.clicks.reduce(0, &+)
        report.cost = report.rows.cost.reduce(0, ClickCost.sum)
        return report
    }

    /// Each source's group (-1: a filter leaves it out), and each group's ordinals, the groups
    /// numbered in sorted order. One dimension and no filter: the ordinals are the groups.
    private func assignGroups(_ dimensions: [Int]) -> (groupOfSource: [Int32], groups: Groups) {
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
            return (groupOfSource, Groups(count: distinct, width: 1, ordinals: nil))
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
        return (groupOfSource, Groups(count: groups.count, width: dimensions.count, ordinals: order.flatMap { groups[$0] }))
    }

    /// One row: a group's ordinals (one per non-time dimension), its bucket's time, its sums.
    private func append(_ cell: Cell, group: Int, of groups: Groups, time: Int64?, names: [[Int32]], into rows: inout ClickReportRows) {
        var position = 0
        for (column, dimension) in query.dimensions.enumerated() {
            switch dimension {
            case .hour: rows.appendKey(column, value: time!)
            case .day: rows.appendKey(column, value: ClickTime.startOfDay(time!))
            case .siteDomain:
                rows.appendKey(column, value: Int64(groups.ordinal(group, position)))
                position += 1
            default:
                let ordinal = groups.ordinal(group, position)
                let slots = names.isEmpty ? [] : names[position]
                rows.appendKey(column, value: pack.value(dimension: ClickSourcePack.dimensionIndex(dimension)!, ordinal: ordinal),
                               nameSlot: Int(ordinal) < slots.count ? slots[Int(ordinal)] : -1)
                position += 1
            }
        }
        rows.append(clicks: Int(cell.clicks), cost: cell.cost, first: cell.first, last: cell.last)
    }

    private func ceilHour(_ time: Int64) -> Int64 {
        let start = ClickTime.startOfHour(time)
        return start == time ? time : start + ClickTime.hour
    }

    /// The 24 hours a tracker must have a click in not to be "stopped": up to the end of the
    /// newest click's hour.
    static func activeWindowEnd(newest: Int64) -> Int64 { ClickTime.startOfHour(newest) + ClickTime.hour }
    static func activeWindowStart(newest: Int64) -> Int64 { activeWindowEnd(newest: newest) - ClickTime.day }

    /// Whether each tracker (by its ordinal) had a click in the 24 hours up to the newest click's hour.
    private func activeTrackers(newest: Int64) throws -> [Bool] {
        var active = [Bool](repeating: false, count: pack.distinct[0].count)
        let ordinals = pack.ordinals[0]
        let reader = try RawStatement(db, "SELECT start, entries FROM click_rollup WHERE level = 0 AND start >= ? AND start < ?")
        reader.bind(1, Self.activeWindowStart(newest: newest))
        reader.bind(2, Self.activeWindowEnd(newest: newest))
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

    /// Names beside ids, for the objects this database knows: per non-time dimension of the
    /// query (in its order), each ordinal's place in its column's names (-1: none), the names put
    /// in the rows' columns. Read before the rows are made, for only the ordinals they use.
    private func names(dimensions: [Int], groups: Groups, used usedGroups: some Sequence<Int>, into rows: inout ClickReportRows) throws -> [[Int32]] {
        guard names else { return [] }
        var used = dimensions.map { [Bool](repeating: false, count: $0 < 4 ? pack.distinct[$0].count : 0) }
        let wanted = dimensions.indices.filter { namesReadAhead[$0] == nil && !used[$0].isEmpty }
        if !wanted.isEmpty {
            for group in usedGroups {
                for position in wanted { used[position][Int(groups.ordinal(group, position))] = true }
            }
        }
        let columns = query.dimensions.indices.filter { !query.dimensions[$0].isTime }
        var result: [[Int32]] = []
        for (position, dimension) in dimensions.enumerated() {
            if let ahead = namesReadAhead[position] {
                let read = try ahead()
                rows.setNames(columns[position], read.names)
                result.append(read.slots)
                continue
            }
            guard let table = Self.table(dimension) else {
                result.append([])
                continue
            }
            // Ordinals are the places of the sorted distinct values: the used ones, in order, are sorted ids.
            let ordinals = used[position].indices.filter { used[position][$0] }
            let read = try Self.names(db, table: table, sortedIds: ordinals.map { pack.distinct[dimension][$0] })
            var byOrdinal = [Int32](repeating: -1, count: used[position].count)
            for (ordinal, slot) in zip(ordinals, read.slots) { byOrdinal[ordinal] = slot }
            rows.setNames(columns[position], read.names)
            result.append(byOrdinal)
        }
        return result
    }

    /// The names of `sortedIds` (sorted, distinct): for each id its place in the names returned,
    /// -1 for an id the table does not have. Many ids: one scan of the table in whatever order
    /// is cheapest (SQLite takes the name index, which holds both columns and is a fifth of the
    /// table); few: look-ups.
    static func names(_ db: Database, table: String, sortedIds ids: [Int64]) throws -> ClickNamesRead {
        var slots = [Int32](repeating: -1, count: ids.count)
        var names = PackedStrings()
        guard let low = ids.first, let high = ids.last else { return ClickNamesRead(slots: slots, names: names) }
        if ids.count > scanAbove {
            names.reserveCapacity(strings: ids.count, bytes: ids.count * 32)
            // Ids close together (the usual case): each id's place straight from a table by id.
            let span = high - low + 1
            let dense: [Int32]? = span <= Int64(ids.count) * 4 ? {
                var place = [Int32](repeating: -1, count: Int(span))
                for (index, id) in ids.enumerated() { place[Int(id - low)] = Int32(index) }
                return place
            }() : nil
            let scan = try RawStatement(db, "SELECT id, name FROM \(table)")
            try scan.forEachRow(db) { row in
                let id = row.int64(0)
                let at: Int?
                if let dense {
                    at = id >= low && id <= high && dense[Int(id - low)] >= 0 ? Int(dense[Int(id - low)]) : nil
                } else {
                    at = position(of: id, in: ids)
                }
                guard let at else { return }
                slots[at] = Int32(names.count)
                row.withBlob(1) { names.append(utf8: $0) }
            }
            return ClickNamesRead(slots: slots, names: names)
        }
        for start in stride(from: 0, to: ids.count, by: 500) {
            let batch = Array(ids[start..<min(ids.count, start + 500)])
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM \(table) WHERE id IN (\(marks))", arguments: StatementArguments(batch)) {
                if let at = position(of: row["id"], in: ids) {
                    slots[at] = Int32(names.count)
                    names.append(row["name"] as String)
                }
            }
        }
        return ClickNamesRead(slots: slots, names: names)
    }

    /// Adds a block's entries to their groups' cells. Through raw buffers: the cells of 100,000
    /// groups are hit in no order, and without a uniqueness check and a bounds check per entry the
    /// processor overlaps those cache misses (the loop ran at a third of the speed).
    static func accumulate(_ entries: UnsafeBufferPointer<ClickRollup.Entry>, start: Int64, groupOfSource: [Int32], into cells: inout [Cell]) {
        cells.withUnsafeMutableBufferPointer { cells in
            forEachGrouped(entries, groupOfSource) { group, entry in cells[group].add(entry, start) }
        }
    }

    static func accumulateDaily(_ entries: UnsafeBufferPointer<ClickRollup.Entry>, groupOfSource: [Int32], day: Int, days: Int, into daily: inout [Int32]) {
        daily.withUnsafeMutableBufferPointer { daily in
            forEachGrouped(entries, groupOfSource) { group, entry in daily[group * days + day] &+= Int32(truncatingIfNeeded: entry.clicks) }
        }
    }

    /// Each entry whose source has a group (a filter may leave it out), with that group.
    @inline(__always)
    static func forEachGrouped(_ entries: UnsafeBufferPointer<ClickRollup.Entry>, _ groupOfSource: [Int32],
                               _ body: (Int, ClickRollup.Entry) -> Void) {
        groupOfSource.withUnsafeBufferPointer { groupOf in
            for entry in entries {
                let source = Int(entry.source)
                guard source >= 0 && source < groupOf.count else { continue }
                let group = Int(groupOf[source])
                if group >= 0 { body(group, entry) }
            }
        }
    }

    /// The groups of a report, numbered in sorted order: each one's ordinals, one per non-time
    /// dimension, in one array (`nil`: one dimension, where a group's number is its ordinal).
    struct Groups {
        let count: Int
        let width: Int
        let ordinals: [Int32]?

        func ordinal(_ group: Int, _ position: Int) -> Int32 {
            guard let ordinals else { return Int32(group) }
            return ordinals[group * width + position]
        }
    }

    struct Cell {
        var clicks: UInt64 = 0
        var cost: Int64 = 0
        var first: Int64 = .max
        var last: Int64 = .min

        mutating func add(_ entry: ClickRollup.Entry, _ start: Int64) {
            clicks &+= UInt64(entry.clicks)
            cost = ClickCost.sum(cost, entry.cost)
            first = min(first, start &+ Int64(entry.first))
            last = max(last, start &+ Int64(entry.last))
        }
    }

    struct Cells {
        var values: [Cell]
        init(count: Int) { values = Array(repeating: Cell(), count: count) }
        var isEmpty: Bool { values.isEmpty }
    }
}
