import Synchronization

/// The line item search index as a search uses it: the vocabulary in memory; posting lists and
/// pieces of the ordinal → id table read on demand (a one-off search in a fresh process reads a
/// few of them, not the whole index) and kept — posting lists while they fit a budget.
/// Typing a query narrows it a letter at a time, so each query word's line item sets are kept
/// too: the next keystroke only computes the word that changed.
final class LineItemSearchIndex: Sendable {
    /// The catalog generation this index was built from (see `SQLiteStore.currentSearchIndex`).
    let generation: String
    /// How many line items it indexes: ordinals are 0..<count.
    let count: Int
    let vocabulary: SearchVocabulary
    /// Per term: its one ordinal when it is in a single name (`SearchIndexBuilder.Built.singles`).
    let singles: [UInt32]
    private let postings: @Sendable (Int) throws -> PostingList
    private let idChunk: @Sendable (Int) throws -> [Int64]
    /// Line items renamed or added since the index was built: matched by their names as they
    /// are now, merged into the index's answers in name order.
    let overlay: SearchOverlay
    /// The folded names of line items, by id: to place the overlay's matches among the index's.
    private let names: @Sendable ([Int64]) throws -> [Int64: String]
    private let cache = Mutex(Cache())
    private let idChunks = Mutex<[Int: [Int64]]>([:])
    let idsPerChunk: Int

    static let postingsBudget = 48 << 20
    static let wordsKept = 32

    init(generation: String, count: Int, vocabulary: SearchVocabulary, singles: [UInt32], idsPerChunk: Int,
         overlay: SearchOverlay = .empty, names: @escaping @Sendable ([Int64]) throws -> [Int64: String] = { _ in [:] },
         postings: @escaping @Sendable (Int) throws -> PostingList, idChunk: @escaping @Sendable (Int) throws -> [Int64]) {
        self.overlay = overlay
        self.names = names
        self.generation = generation
        self.count = count
        self.vocabulary = vocabulary
        self.singles = singles
        self.idsPerChunk = idsPerChunk
        self.postings = postings
        self.idChunk = idChunk
    }

    /// Reads every piece of the ordinal → id table now (8 MB for a million line items), so the
    /// first searches of a session do not each wait for the pieces they touch.
    func loadAllIds() throws {
        for chunk in 0..<(count + idsPerChunk - 1) / idsPerChunk where idChunks.withLock({ $0[chunk] == nil }) {
            let ids = try idChunk(chunk)
            idChunks.withLock { $0[chunk] = ids }
        }
    }

    /// The line item at this place in name order.
    func id(of ordinal: UInt32) throws -> Int64 {
        let chunk = Int(ordinal) / idsPerChunk
        if let ids = idChunks.withLock({ $0[chunk] }) { return ids[Int(ordinal) % idsPerChunk] }
        let ids = try idChunk(chunk)
        guard Int(ordinal) % idsPerChunk < ids.count else { throw SearchIndexChanged() }
        idChunks.withLock { $0[chunk] = ids }
        return ids[Int(ordinal) % idsPerChunk]
    }

    /// Line item ids in rank order, up to `limit`: first those whose name has every word at a
    /// word start, then those that merely contain every word; each group in name order. `skip`
    /// leaves out ids already placed higher (exact id, code, name prefix). `matching` is how many
    /// names hold every word: exact once the "anywhere" sets were needed, else a lower bound (the
    /// word-start matches alone filled the limit, and a one-letter word is inside most terms).
    func rank(_ words: [String], limit: Int, skip: (Int64) -> Bool) throws -> (ids: [Int64], matching: MatchCount) {
        guard !words.isEmpty, limit > 0 else { return ([], MatchCount(0, exact: true)) }
        // The index's answer for a line item renamed since is its old name's: left out, and the
        // overlay answers for it with its name as it is now.
        let stale = overlay.isEmpty ? skip : { skip($0) || self.overlay.isStale($0) }
        var found: [Int64] = []
        let starts = try intersection(of: words) { try self.sets(for: $0).startingWord }
        try take(starts, limit: limit, skip: stale, into: &found)
        // Counted whether or not skipped (a count is of every match), merged only if not.
        let matchedFresh = overlay.isEmpty ? [] : overlay.matches(words) { _ in true }
        let fresh = matchedFresh.filter { !skip($0.id) }
        let freshStarts = fresh.filter { $0.match == .startsWords }
        if !fresh.isEmpty { found = try merged(found, with: freshStarts, limit: limit) }
        let startsCount = starts.count - (overlay.isEmpty ? 0 : overlay.staleInIndex(words, startsWords: true))
            + matchedFresh.filter { $0.match == .startsWords }.count
        guard found.count < limit else { return (found, MatchCount(startsCount, exact: false)) }
        var anywhere = try intersection(of: words) { try self.sets(for: $0, anywhere: true).anywhere! }
        let matching = anywhere.count - (overlay.isEmpty ? 0 : overlay.staleInIndex(words, startsWords: false)) + matchedFresh.count
        anywhere.subtract(starts)
        var inside: [Int64] = []
        try take(anywhere, limit: limit - found.count, skip: stale, into: &inside)
        let freshInside = fresh.filter { $0.match == .anywhere }
        if !freshInside.isEmpty { inside = try merged(inside, with: freshInside, limit: limit - found.count) }
        return (found + inside, MatchCount(matching, exact: true))
    }

    /// The index's ids (in name order) and the overlay's matches, merged in name order: the
    /// first `limit`.
    private func merged(_ ids: [Int64], with fresh: [(id: Int64, name: String, match: SearchOverlay.Match)], limit: Int) throws -> [Int64] {
        guard !fresh.isEmpty else { return ids }
        let known = try names(ids)
        let all = ids.compactMap { id in known[id].map { (id, $0) } } + fresh.map { ($0.id, $0.name) }
        return all.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// The fallback when no name holds every word: names with each word's letters in order
    /// inside one of their terms ("wnka" in "wonka"), ranked by the sum over the words of the best
    /// such term's `FuzzyMatch` score, then name order. All from the index: no name is read.
    /// `keep`: only line items it says yes to (an advertiser's), decided before ranking.
    func fuzzyRank(_ words: [String], limit wanted: Int, keep: ((Int64) -> Bool)? = nil) throws -> (ids: [Int64], matching: MatchCount) {
        guard !words.isEmpty, wanted > 0 else { return ([], MatchCount(0, exact: true)) }
        // Stale answers are dropped after the cut: it takes as many more as there may be.
        let scalarWords = words.map { Array($0.unicodeScalars) }
        let keepFresh: (Int64) -> Bool = { keep?($0) ?? true }
        let staleMatched = overlay.isEmpty ? 0 : overlay.staleFuzzy(scalarWords, keep: keepFresh)
        let limit = wanted + staleMatched
        var totals = [Int32](repeating: 0, count: count)
        var everyWord: OrdinalSet?
        for word in words {
            var matched = OrdinalSet(capacity: count)
            // Best terms first: a name holding several matching terms scores by its best one.
            for (term, score) in vocabulary.fuzzyTerms(Array(word.unicodeScalars)) {
                try postingList(term).forEach { ordinal in
                    guard !matched.contains(ordinal) else { return }
                    matched.insert(ordinal)
                    totals[Int(ordinal)] += Int32(score)
                }
            }
            if everyWord == nil { everyWord = matched } else { everyWord!.formIntersection(matched) }
        }
        guard var everyWord else { return ([], MatchCount(0, exact: true)) }
        if let keep {
            var kept = OrdinalSet(capacity: count)
            var failure: Error?
            everyWord.forEach { ordinal in
                do { if keep(try id(of: ordinal)) { kept.insert(ordinal) } } catch { failure = error; return false }
                return true
            }
            if let failure { throw failure }
            everyWord = kept
        }
        // The best `limit` without sorting a few hundred thousand matches: count the names per
        // score, find the lowest score that still makes the cut, then take names in name order —
        // at that lowest score only as many as fit, as most names often tie there.
        let top = Int(totals.max() ?? 0)
        var perScore = [Int](repeating: 0, count: top + 1)
        everyWord.forEach { perScore[max(0, Int(totals[Int($0)]))] += 1; return true }
        var cutoff = 0
        var above = 0
        for score in stride(from: top, through: 0, by: -1) where perScore[score] > 0 {
            cutoff = score
            if above + perScore[score] >= limit { break }
            above += perScore[score]
        }
        var byScore: [Int: [UInt32]] = [:]
        var atCutoff = 0
        everyWord.forEach { ordinal in
            let score = max(0, Int(totals[Int(ordinal)]))
            if score > cutoff {
                byScore[score, default: []].append(ordinal)
            } else if score == cutoff && atCutoff < limit - above {
                byScore[score, default: []].append(ordinal)
                atCutoff += 1
            }
            return true
        }
        let best = byScore.keys.sorted(by: >).flatMap { byScore[$0]! }.prefix(limit)
        guard !overlay.isEmpty else { return (try best.map { try id(of: $0) }, MatchCount(everyWord.count, exact: true)) }
        // Renamed or added since the build: the index's stale answers out, the overlay's in, by
        // score and then name as the index ranks.
        let fresh = overlay.fuzzy(scalarWords, keep: keepFresh)
        var scored: [(id: Int64, score: Int)] = []
        for ordinal in best {
            let id = try id(of: ordinal)
            if !overlay.isStale(id) { scored.append((id, Int(totals[Int(ordinal)]))) }
        }
        let known = try names(scored.map(\.id))
        let all = scored.compactMap { item in known[item.id].map { (item.id, item.score, $0) } } + fresh.map { ($0.id, $0.score, $0.name) }
        let ranked = all.sorted { ($1.1, $0.2, $0.0) < ($0.1, $1.2, $1.0) }.prefix(wanted).map(\.0)
        return (Array(ranked), MatchCount(everyWord.count - staleMatched + fresh.count, exact: true))
    }

    private func intersection(of words: [String], _ set: (String) throws -> OrdinalSet) throws -> OrdinalSet {
        var result = try set(words[0])
        for word in words.dropFirst() { result.formIntersection(try set(word)) }
        return result
    }

    private func take(_ set: OrdinalSet, limit: Int, skip: (Int64) -> Bool, into found: inout [Int64]) throws {
        var failure: Error?
        set.forEach { ordinal in
            do {
                let id = try id(of: ordinal)
                if !skip(id) { found.append(id) }
                return found.count < limit
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
    }

    /// One query word's line items where it starts a word; `anywhere` adds those where it is
    /// only inside a term — computed only when a search gets that far, as a one-letter word is
    /// inside most terms.
    private func sets(for word: String, anywhere: Bool = false) throws -> WordSets {
        var sets: WordSets
        if let known = cache.withLock({ $0.word(word) }) {
            sets = known
        } else {
            let terms = vocabulary.terms(containing: Array(word.utf8))
            var startingWord = OrdinalSet(capacity: count)
            for term in terms.startingWord { try postingList(term).add(to: &startingWord) }
            sets = WordSets(startingWord: startingWord, insideTerms: terms.inside, anywhere: nil)
        }
        if anywhere && sets.anywhere == nil {
            var all = sets.startingWord
            for term in sets.insideTerms { try postingList(term).add(to: &all) }
            sets.anywhere = all
        }
        cache.withLock { $0.keep(sets, for: word) }
        return sets
    }

    private func postingList(_ term: Int) throws -> PostingList {
        if term < singles.count && singles[term] != SearchIndexBuilder.noSingle {
            guard Int(singles[term]) < count else { throw SearchIndexChanged() }
            return .ordinals([singles[term]])
        }
        if let known = cache.withLock({ $0.postings(term) }) { return known }
        let list = try postings(term)
        cache.withLock { $0.keep(list, for: term) }
        return list
    }

    struct WordSets: Sendable {
        var startingWord: OrdinalSet
        var insideTerms: [Int]
        var anywhere: OrdinalSet?
    }

    /// Least recently used entries go first when a budget is exceeded.
    private struct Cache: Sendable {
        private var words: [String: (sets: WordSets, used: Int)] = [:]
        private var lists: [Int: (list: PostingList, used: Int)] = [:]
        private var listBytes = 0
        private var clock = 0

        mutating func word(_ word: String) -> WordSets? {
            clock += 1
            words[word]?.used = clock
            return words[word]?.sets
        }

        mutating func keep(_ sets: WordSets, for word: String) {
            clock += 1
            words[word] = (sets, clock)
            if words.count > LineItemSearchIndex.wordsKept, let oldest = words.min(by: { $0.value.used < $1.value.used }) {
                words[oldest.key] = nil
            }
        }

        mutating func postings(_ term: Int) -> PostingList? {
            clock += 1
            lists[term]?.used = clock
            return lists[term]?.list
        }

        mutating func keep(_ list: PostingList, for term: Int) {
            clock += 1
            lists[term] = (list, clock)
            listBytes += list.byteCount
            guard listBytes > LineItemSearchIndex.postingsBudget else { return }
            // Drop the older half at once: eviction then costs a sort now and then, not a scan per insert.
            for (term, entry) in lists.sorted(by: { $0.value.used < $1.value.used }).prefix(lists.count / 2) {
                lists[term] = nil
                listBytes -= entry.list.byteCount
            }
        }
    }
}
