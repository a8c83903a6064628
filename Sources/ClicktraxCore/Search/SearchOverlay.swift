/// The line items whose names changed since the search index was built — renamed or added by an
/// incremental pull — so the index need not be rebuilt for a hundred names of a million (issue
/// 27): the index answers for every other line item, and these are matched here, by their names
/// as they are now, with the index's own rules (`SearchTerms`). A stale line item's old name is
/// kept too: the index still holds it, so a count of the index's matches is corrected by it.
/// Small by design: past `SQLiteStore.overlayLimit` entries the index is rebuilt instead.
struct SearchOverlay: Sendable {
    struct Entry: Sendable {
        var id: Int64
        /// The folded name the index holds for it (nil: not in the index, added since).
        var old: String?
        /// The folded name it has now (nil: removed since).
        var current: String?
    }

    let entries: [Entry]
    private let ids: Set<Int64>

    init(_ entries: [Entry]) {
        self.entries = entries
        ids = Set(entries.map(\.id))
    }

    static let empty = SearchOverlay([])

    var isEmpty: Bool { entries.isEmpty }

    /// The index's answer for this line item is out of date.
    func isStale(_ id: Int64) -> Bool { ids.contains(id) }

    /// Where every word of a query is in a name: at a word start (rank first), or only anywhere.
    enum Match { case startsWords, anywhere }

    /// How `name` (folded) holds every one of `words` (folded), by the index's rules: a word
    /// matches a term it is inside; it starts a word at the term's start or after punctuation.
    static func match(_ words: [String], in name: String) -> Match? {
        let terms = SearchTerms.terms(of: name).map { Array($0.utf8) }
        var everyWordStarts = true
        for word in words {
            let needle = Array(word.utf8)
            var found = false
            var starts = false
            for term in terms {
                term.withUnsafeBufferPointer { term in
                    var offset = 0
                    while offset + needle.count <= term.count {
                        if term[offset..<offset + needle.count].elementsEqual(needle) {
                            found = true
                            if SearchTerms.startsWord(at: offset, in: term) { starts = true; return }
                        }
                        offset += 1
                    }
                }
                if starts { break }
            }
            guard found else { return nil }
            if !starts { everyWordStarts = false }
        }
        return everyWordStarts ? .startsWords : .anywhere
    }

    /// The entries whose current names hold every word, with how, and their names.
    func matches(_ words: [String], keep: (Int64) -> Bool) -> [(id: Int64, name: String, match: Match)] {
        entries.compactMap { entry in
            guard let name = entry.current, keep(entry.id), let match = Self.match(words, in: name) else { return nil }
            return (entry.id, name, match)
        }
    }

    /// How many of the index's matches are stale: entries whose old name held every word (at a
    /// word start, when `startsWords`).
    func staleInIndex(_ words: [String], startsWords: Bool) -> Int {
        entries.reduce(0) { count, entry in
            guard let old = entry.old, let match = Self.match(words, in: old) else { return count }
            return count + (startsWords && match != .startsWords ? 0 : 1)
        }
    }

    /// The entries whose current names hold every word's letters in order, scored as the
    /// index's fallback scores (each word by its best term).
    func fuzzy(_ words: [[Unicode.Scalar]], keep: (Int64) -> Bool) -> [(id: Int64, name: String, score: Int)] {
        entries.compactMap { entry in
            guard let name = entry.current, keep(entry.id), let score = Self.fuzzyScore(words, in: name) else { return nil }
            return (entry.id, name, score)
        }
    }

    /// How many of the index's letters-in-order matches are stale (their old names matched).
    func staleFuzzy(_ words: [[Unicode.Scalar]], keep: (Int64) -> Bool) -> Int {
        entries.filter { entry in entry.old.map { keep(entry.id) && Self.fuzzyScore(words, in: $0) != nil } ?? false }.count
    }

    /// Each word's best score over the name's terms, summed; nil when a word matches no term.
    static func fuzzyScore(_ words: [[Unicode.Scalar]], in name: String) -> Int? {
        let terms = SearchTerms.terms(of: name).map { Array($0.unicodeScalars) }
        var total = 0
        for word in words {
            guard let best = terms.compactMap({ FuzzyMatch.score(word, in: $0) }).max() else { return nil }
            total += best
        }
        return total
    }
}
