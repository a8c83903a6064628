/// How line items are ranked for a query, whatever store holds them: the exact ID, then the
/// code, then names starting with the query (an exact name first), then names with every word
/// at a word start, then names holding every word anywhere — each tier in name order, no line
/// item twice, at most `limit`. If no name holds every word, fzf-style letters in order,
/// closest first, marked as such. A store answers the lookups (`LineItemLookup`); the order and
/// the fallback are decided here.
public enum LineItemRanking {
    public static func rank(_ term: String, limit: Int, in lookup: any LineItemLookup) throws -> (ids: [Int64], fuzzy: Bool) {
        let words = TextFolding.words(of: term)
        let trimmed = term.trimmingCharacters(in: .whitespacesAndNewlines)
        var ids: [Int64] = []
        var seen = Set<Int64>()
        func take(_ found: [Int64]) {
            for id in found where ids.count < limit && seen.insert(id).inserted { ids.append(id) }
        }
        for tier in try lookup.lineItems(id: Int64(trimmed), code: trimmed.isEmpty ? nil : trimmed,
                                         namePrefix: words.joined(separator: " "), limit: limit) {
            take(tier)
        }
        guard ids.count < limit, !words.isEmpty else { return (ids, false) }
        take(try lookup.lineItems(holdingEveryWord: words, limit: limit, skip: seen.contains))
        guard ids.isEmpty else { return (ids, false) }
        take(try lookup.lineItems(lettersInOrder: words, limit: limit))
        return (ids, !ids.isEmpty)
    }
}

/// The lookups `LineItemRanking` asks of a store, each answering ids in rank order.
public protocol LineItemLookup {
    /// In one read: the line item with this ID, those with this code (any case), those whose
    /// folded name starts with `namePrefix` (an exact name first) — three lists, in that order.
    func lineItems(id: Int64?, code: String?, namePrefix: String, limit: Int) throws -> [[Int64]]
    /// Names with every word at a word start, then names with every word anywhere, each in name order.
    func lineItems(holdingEveryWord words: [String], limit: Int, skip: (Int64) -> Bool) throws -> [Int64]
    /// Names holding the words' letters in order (within terms), closest first.
    func lineItems(lettersInOrder words: [String], limit: Int) throws -> [Int64]
}
