/// How line items are ranked for a query, whatever store holds them: the exact ID, then the
/// code, then codes starting with it (any case, separators or not), then ids starting with its
/// digits, then names starting with the query (an exact name first), then names with every word
/// at a word start, then names holding every word anywhere — each tier in name order, no line
/// item twice, at most `limit`. If no name holds every word, fzf-style letters in order,
/// closest first, marked as such. A store answers the lookups (`LineItemLookup`); the order and
/// the fallback are decided here.
public enum LineItemRanking {
    public struct Result: Sendable, Equatable {
        public var ids: [Int64]
        /// Only letters in order matched.
        public var fuzzy: Bool
        /// How many line items match in all, as far as known (nil: not counted).
        public var matching: MatchCount?
    }

    /// `advertiser`: only that advertiser's line items (the picker's filter). A count of all
    /// names is then no count of these: it is said only when every match fitted.
    public static func rank(_ term: String, limit: Int, advertiser: Int64? = nil, in lookup: any LineItemLookup) throws -> Result {
        let words = TextFolding.words(of: term)
        let trimmed = term.trimmingCharacters(in: .whitespacesAndNewlines)
        var ids: [Int64] = []
        var seen = Set<Int64>()
        func take(_ found: [Int64]) {
            for id in found where ids.count < limit && seen.insert(id).inserted { ids.append(id) }
        }
        let tiers = try lookup.lineItems(id: Int64(trimmed), code: trimmed.isEmpty ? nil : trimmed,
                                         namePrefix: words.joined(separator: " "), advertiser: advertiser, limit: limit)
        for tier in tiers.dropLast() { take(tier) }
        // The ID and code matches may or may not also hold every word: beside them, a count of
        // names is only a lower bound.
        let byIDOrCode = ids.count
        if let names = tiers.last { take(names) }
        guard !words.isEmpty, ids.count < limit else {
            return Result(ids: ids, fuzzy: false, matching: MatchCount(ids.count, exact: ids.count < limit))
        }
        let everyWord = try lookup.lineItems(holdingEveryWord: words, advertiser: advertiser, limit: limit, skip: seen.contains)
        take(everyWord.ids)
        func counted(_ count: MatchCount?) -> MatchCount? {
            guard let count, advertiser == nil else { return ids.count < limit ? MatchCount(ids.count, exact: true) : nil }
            return byIDOrCode == 0 ? count : MatchCount(max(count.value, ids.count), exact: false)
        }
        guard ids.isEmpty else { return Result(ids: ids, fuzzy: false, matching: counted(everyWord.matching)) }
        let fuzzy = try lookup.lineItems(lettersInOrder: words, advertiser: advertiser, limit: limit)
        take(fuzzy.ids)
        return Result(ids: ids, fuzzy: !ids.isEmpty, matching: counted(fuzzy.matching))
    }
}

/// The lookups `LineItemRanking` asks of a store, each answering ids in rank order.
public protocol LineItemLookup {
    /// In one read: the line item with this ID, those with this code (any case), those whose code
    /// starts with it (`LineItemCodeKey`), those whose id's digits start with the ID's, those
    /// whose folded name starts with `namePrefix` (an exact name first) — in that order, the
    /// names last.
    /// `advertiser`, in every lookup: only that advertiser's line items.
    func lineItems(id: Int64?, code: String?, namePrefix: String, advertiser: Int64?, limit: Int) throws -> [[Int64]]
    /// Names with every word at a word start, then names with every word anywhere, each in name
    /// order; and how many names hold every word, if counted.
    func lineItems(holdingEveryWord words: [String], advertiser: Int64?, limit: Int,
                   skip: (Int64) -> Bool) throws -> (ids: [Int64], matching: MatchCount?)
    /// Names holding the words' letters in order (within terms), closest first; and how many do.
    func lineItems(lettersInOrder words: [String], advertiser: Int64?, limit: Int) throws -> (ids: [Int64], matching: MatchCount?)
}

/// How many a search matches: exactly, or at least.
public struct MatchCount: Sendable, Equatable {
    public var value: Int
    public var exact: Bool

    public init(_ value: Int, exact: Bool) {
        self.value = value
        self.exact = exact
    }
}
