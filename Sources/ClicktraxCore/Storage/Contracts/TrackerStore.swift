/// Where Clicktrax keeps the catalog and the trackers, split by what each part of the app
/// touches (k9s's capability interfaces): a command or a screen names the capabilities it uses,
/// and a backend implements them all. SQLite (through GRDB) is the embedded default; a shared
/// PostgreSQL backend would implement the same protocols and pass the same contract tests
/// (`StoreContractTests`). Nothing outside the storage folder sees SQL or GRDB — only these
/// protocols and plain model values; the rules (validation, belonging, ranking) are Core's.
public protocol TrackerStore: TrackerRepository, ChangeLog, CatalogReading, LineItemSearching, CatalogImporting, Preferences,
    StoreChecking, InvestSyncing, ClickStoring, ImpressionStoring {
    /// Opened read-only (the user may read the database but not write it): every change is refused.
    var isReadOnly: Bool { get }

    /// The kind of tracker `TrackerRepository` and `ChangeLog` act on.
    var trackerKind: TrackerKind { get }

    /// The same store with `TrackerRepository` and `ChangeLog` acting on `kind`'s trackers (their
    /// own ids, revisions and change log); everything else is shared.
    func scoped(to kind: TrackerKind) -> any TrackerStore
}
