/// Line item search, ranked by `LineItemRanking`.
public protocol LineItemSearching: Sendable {
    /// Line items by ID, code and name, best first.
    func searchLineItems(_ term: String, limit: Int) throws -> [LineItem]
    /// The same, saying whether only letters in order matched (nothing held every word) and how
    /// many match; `advertiser` keeps only that advertiser's line items.
    func findLineItems(_ term: String, limit: Int, advertiser: Int64?) throws -> LineItemMatches
    /// Brings the line item search index up to date with the catalog (after an import, say);
    /// until then searches are correct but slower. Returns whether it had to build.
    @discardableResult
    func refreshSearchIndex() throws -> Bool
    /// The same, then the index read whole into memory, for a session that will search a lot.
    func prepareSearch() throws
    /// The names' index alone (after an import: the codes' index is left to the first search).
    func refreshNameIndex() throws
}

extension LineItemSearching {
    public func findLineItems(_ term: String, limit: Int) throws -> LineItemMatches {
        try findLineItems(term, limit: limit, advertiser: nil)
    }
}
