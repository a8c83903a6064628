/// The Click Trackers screen's filter, in memory: every tracker's folded name, code, line item
/// and publisher in one buffer, read from the store once and then matched per keystroke by
/// scanning bytes — at 100,000 trackers a keystroke costs milliseconds, where asking SQLite to
/// fold and compare five columns per tracker costs half a second. Same rule as
/// `TrackerQuery.search`: every word is the ID, or inside the name, code, line item, publisher or
/// state (`inactive` lists the inactive ones).
public struct TrackerFilterIndex: Sendable {
    private var text: [UInt8] = []
    /// Where each row's text starts in `text`; one more at the end.
    private var starts: [Int] = [0]
    private var rowOf: [Int64: Int] = [:]
    public private(set) var count = 0

    /// Per byte value, the rows whose text holds it; per pair of adjacent bytes (hashed into
    /// `pairBuckets`), the rows that may hold it. A word can only be in rows that hold all its
    /// bytes and pairs, so a keystroke looks at those rows alone — "wo" at the few that have
    /// "wo" — and a one-letter word is answered without a scan. 256 + up to 1,024 bitmaps:
    /// 16 MB at 100,000 trackers, fewer pair buckets for more (about 16 MB whatever the count).
    private var byteRows: [OrdinalSet] = []
    private var pairRows: [OrdinalSet] = []
    private var pairBuckets: Int { pairRows.count }

    private static func pairBucket(_ a: UInt8, _ b: UInt8, _ buckets: Int) -> Int {
        (Int(a) &* 257 &+ Int(b)) % buckets
    }

    /// Fills an index a tracker at a time (the store does, from one pass over its rows).
    public struct Builder: Sendable {
        private var building = TrackerFilterIndex()
        public init() {}

        /// The index, its byte bitmaps made (once, where it is built: off the UI's thread).
        public var index: TrackerFilterIndex {
            var index = building
            index.makeByteRows()
            return index
        }

        /// `folded`: the tracker's name, code, line item, publisher and state, each `TextFolding.fold`ed.
        public mutating func add(id: Int64, folded fields: [String]) {
            building.rowOf[id] = building.count
            building.count += 1
            for field in fields {
                building.text.append(contentsOf: field.utf8)
                // Fields are kept apart by a newline, which no query word holds.
                building.text.append(0x0A)
            }
            building.starts.append(building.text.count)
        }
    }

    private mutating func makeByteRows() {
        var sets = [OrdinalSet](repeating: OrdinalSet(capacity: count), count: 256)
        // Bitmaps of count bits each, within about 14 MB for the pairs.
        let buckets = max(64, min(1024, (14 << 23) / max(1, count)))
        var pairs = [OrdinalSet](repeating: OrdinalSet(capacity: count), count: buckets)
        text.withUnsafeBufferPointer { bytes in
            for row in 0..<count {
                let start = starts[row], end = starts[row + 1]
                for index in start..<end {
                    sets[Int(bytes[index])].insert(UInt32(row))
                    if index + 1 < end { pairs[Self.pairBucket(bytes[index], bytes[index + 1], buckets)].insert(UInt32(row)) }
                }
            }
        }
        byteRows = sets
        pairRows = pairs
    }

    /// Works out the rows of a list in the screen's order ahead of the first keystroke (where
    /// the index is read, off the UI's thread).
    public mutating func prepare(for ids: [Int64]) {
        _ = rowsOfList(ids)
    }

    /// What the last filter found, kept to answer the next keystroke from: typing one more
    /// letter only narrows a word, so the rows that held the shorter word are the only ones to
    /// look at again. And the rows of the list filtered, found once per list, not per keystroke.
    private var lastWords: [[UInt8]] = []
    private var lastWordRows: [OrdinalSet] = []
    private var listRows: (ids: [Int64], rows: [UInt32])?

    /// `ids` (in the screen's order) left after the filter `query`; those the index does not
    /// know (made since it was read) are kept out.
    public mutating func filter(_ ids: [Int64], by query: String) -> [Int64] {
        let words = TextFolding.words(of: query)
        guard !words.isEmpty else { return ids }
        let needles = words.map { Array($0.utf8) }
        // Word i of this query holds word i of the last one: its rows are among the last ones'.
        let narrows = !lastWords.isEmpty && needles.count >= lastWords.count
            && zip(needles, lastWords).allSatisfy { Self.contains($0, $1) }
        var wordRows: [OrdinalSet] = []
        var rows = OrdinalSet(capacity: count)
        for (position, needle) in needles.enumerated() {
            // Only rows holding every byte of the word can hold the word: for one byte, exactly those.
            var within = rowsWithEveryByte(of: needle)
            if narrows && position < lastWordRows.count {
                if within == nil { within = lastWordRows[position] } else { within!.formIntersection(lastWordRows[position]) }
            }
            let text = needle.count == 1 && within != nil ? within! : rowsContaining(needle, within: within)
            wordRows.append(text)
            // The ID rule is not a text match (an ID is not in the text): added per query.
            var matched = text
            if let id = Int64(words[position]), let row = rowOf[id] { matched.insert(UInt32(row)) }
            if position == 0 { rows = matched } else { rows.formIntersection(matched) }
        }
        lastWords = needles
        lastWordRows = wordRows
        let positions = rowsOfList(ids)
        var kept: [Int64] = []
        for (index, row) in positions.enumerated() where row != .max && rows.contains(row) { kept.append(ids[index]) }
        return kept
    }

    /// The rows holding every byte of the word and (as far as the hash tells) every pair of
    /// its adjacent bytes: a superset of those holding the word (nil before the bitmaps are made).
    private func rowsWithEveryByte(of needle: [UInt8]) -> OrdinalSet? {
        guard byteRows.count == 256, let first = needle.first else { return nil }
        var rows = byteRows[Int(first)]
        for byte in Set(needle.dropFirst()) where byte != first { rows.formIntersection(byteRows[Int(byte)]) }
        if pairBuckets > 0 && needle.count > 1 {
            for bucket in Set((1..<needle.count).map { Self.pairBucket(needle[$0 - 1], needle[$0], pairBuckets) }) {
                rows.formIntersection(pairRows[bucket])
            }
        }
        return rows
    }

    /// Each listed ID's row (`UInt32.max`: not in the index), worked out once per list.
    private mutating func rowsOfList(_ ids: [Int64]) -> [UInt32] {
        // The same list is the same array each keystroke: comparing is a pointer check then.
        if let cached = listRows, cached.ids == ids { return cached.rows }
        let rows = ids.map { id in rowOf[id].map(UInt32.init) ?? .max }
        listRows = (ids, rows)
        return rows
    }

    /// Rows whose text holds `needle`: every row, or only those of `within`.
    private func rowsContaining(_ needle: [UInt8], within: OrdinalSet?) -> OrdinalSet {
        var rows = OrdinalSet(capacity: count)
        text.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                if let within {
                    within.forEach { row in
                        let start = starts[Int(row)], end = starts[Int(row) + 1]
                        let slice = UnsafeBufferPointer(rebasing: haystack[start..<end])
                        if SearchVocabulary.find(needle, in: slice, from: 0) != nil { rows.insert(row) }
                        return true
                    }
                    return
                }
                var position = 0
                var row = 0
                while let found = SearchVocabulary.find(needle, in: haystack, from: position) {
                    // Matches come in increasing offsets, so the row only moves forward.
                    while starts[row + 1] <= found { row += 1 }
                    rows.insert(UInt32(row))
                    position = starts[row + 1]
                }
            }
        }
        return rows
    }

    /// Whether `bytes` holds `part` (a word of the last query in a word of this one).
    static func contains(_ bytes: [UInt8], _ part: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { haystack in
            part.withUnsafeBufferPointer { needle in SearchVocabulary.find(needle, in: haystack, from: 0) != nil }
        }
    }
}
