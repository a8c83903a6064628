/// The Click Trackers screen's filter, in memory: every tracker's folded name, code, line item
/// and publisher in one buffer, read from the store once and then matched per keystroke by
/// scanning bytes — at 100,000 trackers a keystroke costs milliseconds, where asking SQLite to
/// fold and compare four columns per tracker costs half a second. Same rule as
/// `TrackerQuery.search`: every word is the ID, or inside the name, code, line item or publisher.
public struct TrackerFilterIndex: Sendable {
    private var text: [UInt8] = []
    /// Where each row's text starts in `text`; one more at the end.
    private var starts: [Int] = [0]
    private var rowOf: [Int64: Int] = [:]
    public private(set) var count = 0

    /// Fills an index a tracker at a time (the store does, from one pass over its rows).
    public struct Builder: Sendable {
        public private(set) var index = TrackerFilterIndex()
        public init() {}

        /// `folded`: the tracker's name, code, line item and publisher, each `TextFolding.fold`ed.
        public mutating func add(id: Int64, folded fields: [String]) {
            index.rowOf[id] = index.count
            index.count += 1
            for field in fields {
                index.text.append(contentsOf: field.utf8)
                // Fields are kept apart by a newline, which no query word holds.
                index.text.append(0x0A)
            }
            index.starts.append(index.text.count)
        }
    }

    /// `ids` (in the screen's order) left after the filter `query`; those the index does not
    /// know (made since it was read) are kept out.
    public func filter(_ ids: [Int64], by query: String) -> [Int64] {
        let words = TextFolding.words(of: query)
        guard !words.isEmpty else { return ids }
        var rows = OrdinalSet(capacity: count)
        for (position, word) in words.enumerated() {
            var matched = rowsContaining(word)
            if let id = Int64(word), let row = rowOf[id] { matched.insert(UInt32(row)) }
            if position == 0 { rows = matched } else { rows.formIntersection(matched) }
        }
        return ids.filter { id in rowOf[id].map { rows.contains(UInt32($0)) } ?? false }
    }

    private func rowsContaining(_ word: String) -> OrdinalSet {
        var rows = OrdinalSet(capacity: count)
        let needle = Array(word.utf8)
        text.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
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
}
