/// The clicks rolled up, so that no report reads a raw click: for each block of time, per click
/// source (tracker, line item, publisher, placement, site domain), the clicks, their cost and
/// the first and last click. Blocks come in levels — an hour, a day, 4 days and 16 days, each
/// aligned to its own size since the Unix epoch (UTC) — so any range of hours is a handful of
/// blocks: 30 days read as 4 to 12 of them instead of 720 hours or a million rows. (Levels of
/// 2 and 8 days too would cut that to 10 at most, and cost every import a quarter more writing.)
///
/// A block is stored as one BLOB of `Entry` values sorted by source (24 bytes each, the
/// machine's little-endian layout): read in place, summed in a tight loop.
public enum ClickRollup {
    public struct Entry: Equatable, Sendable {
        public var source: Int32
        public var clicks: UInt32
        public var cost: Int64
        /// Seconds after the block's start.
        public var first: UInt32
        public var last: UInt32
    }

    /// The block sizes in hours, smallest first; each divides the next.
    public static let levelHours: [Int64] = [1, 24, 96, 384]

    static func size(level: Int) -> Int64 { levelHours[level] * ClickTime.hour }

    static func start(of time: Int64, level: Int) -> Int64 {
        ClickTime.floorDiv(time, size(level: level)) * size(level: level)
    }

    /// `[from, to)` (hour-aligned) as the fewest aligned blocks: the largest block that starts
    /// here and ends in time, again and again.
    public static func blocks(from: Int64, to: Int64) -> [(level: Int, start: Int64)] {
        var blocks: [(Int, Int64)] = []
        var position = from
        while position < to {
            var level = levelHours.count - 1
            while level > 0 && (position % size(level: level) != 0 || position + size(level: level) > to) { level -= 1 }
            blocks.append((level, position))
            position += size(level: level)
        }
        return blocks
    }

    #if !_endian(little)
    #error("click rollup blocks are stored in little-endian layout")
    #endif

    static func encode(_ entries: [Entry]) -> [UInt8] {
        entries.withUnsafeBytes { Array($0) }
    }

    /// Calls `body` with the entries of a stored block, in place.
    static func withEntries<T>(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeBufferPointer<Entry>) throws -> T) rethrows -> T {
        let count = bytes.count / MemoryLayout<Entry>.stride
        if count == 0 { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        if Int(bitPattern: bytes.baseAddress!) % MemoryLayout<Entry>.alignment == 0 {
            return try body(UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: Entry.self), count: count))
        }
        // SQLite does not promise an aligned blob: copy then.
        let copy = [Entry](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<(count * MemoryLayout<Entry>.stride)]))
            initialized = count
        }
        return try copy.withUnsafeBufferPointer(body)
    }
}

/// Sums entries of many blocks into one, keyed densely by source number.
struct ClickRollupSum {
    struct TooManyClicks: Error {}

    private var clicks: [UInt32] = []
    private var cost: [Int64] = []
    private var first: [Int64] = []
    private var last: [Int64] = []
    private var touched: [Int32] = []

    /// Adds a block's entries, whose times are relative to `blockStart`.
    mutating func add(_ entries: UnsafeBufferPointer<ClickRollup.Entry>, blockStart: Int64) throws {
        for entry in entries {
            add(source: entry.source, clicks: entry.clicks, cost: entry.cost,
                first: blockStart + Int64(entry.first), last: blockStart + Int64(entry.last))
        }
        if overflowed { throw TooManyClicks() }
    }

    private var overflowed = false

    mutating func add(source: Int32, clicks count: UInt32, cost amount: Int64, first start: Int64, last end: Int64) {
        let index = Int(source)
        if index >= clicks.count {
            let size = max(index + 1, clicks.count * 2, 1_024)
            clicks += [UInt32](repeating: 0, count: size - clicks.count)
            cost += [Int64](repeating: 0, count: size - cost.count)
            first += [Int64](repeating: .max, count: size - first.count)
            last += [Int64](repeating: .min, count: size - last.count)
        }
        if clicks[index] == 0 { touched.append(source) }
        let (sum, overflow) = clicks[index].addingReportingOverflow(count)
        overflowed = overflowed || overflow
        clicks[index] = sum
        cost[index] = ClickCost.sum(cost[index], amount)
        first[index] = min(first[index], start)
        last[index] = max(last[index], end)
    }

    /// The sum as one block starting at `blockStart`, sorted by source; resets the sum.
    mutating func take(blockStart: Int64) -> [ClickRollup.Entry] {
        touched.sort()
        var entries: [ClickRollup.Entry] = []
        entries.reserveCapacity(touched.count)
        for source in touched {
            let index = Int(source)
            entries.append(ClickRollup.Entry(
                source: source, clicks: clicks[index], cost: cost[index],
                first: UInt32(first[index] - blockStart), last: UInt32(last[index] - blockStart)))
            clicks[index] = 0
            cost[index] = 0
            first[index] = .max
            last[index] = .min
        }
        touched.removeAll(keepingCapacity: true)
        return entries
    }
}
