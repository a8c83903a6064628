/// Filling the store in one transaction: an import, the demo.
public protocol CatalogImporting: Sendable {
    /// Imports what `body` feeds in one transaction, all or nothing (see `SQLiteStore`).
    func importStream(dryRun: Bool, bulk: Bool, _ body: ((ImportRecord) -> Void) throws -> [ImportProblem]) throws -> ImportSummary

    /// Runs `body` in one transaction: every object it adds is stored, or — if it throws —
    /// none is. Objects are upserted by id. `bulk` is for loads of many line items: the store
    /// may rebuild its line item indexes at the end instead of maintaining them row by row.
    func load(bulk: Bool, _ body: (any CatalogLoader) throws -> Void) throws
}

extension CatalogImporting {
    /// A load of a few objects: indexes maintained as rows go in.
    public func load(_ body: (any CatalogLoader) throws -> Void) throws {
        try load(bulk: false, body)
    }
}
