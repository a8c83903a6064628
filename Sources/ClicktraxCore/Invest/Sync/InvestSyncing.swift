/// The sync state, kept with the catalog (SQLite: `SQLiteStore+Invest`).
public protocol InvestSyncing: Sendable {
    func investConnection() throws -> InvestConnection?
    func saveInvestConnection(_ connection: InvestConnection) throws

    /// The stage of an unfinished pull with the same `key` (its parameters); any other stage
    /// is discarded.
    func openPullStage(key: String) throws -> PullStage
    /// Fetched pages, staged in one transaction — while the stage is still `owner`'s.
    func stage(_ pages: [StagedPage], owner: String) throws
    /// Forgets one list's staged pages (its size changed meanwhile).
    func discardStagedList(_ list: String) throws
    /// The staged pull into the catalog and trackers, in one transaction; the stage is emptied.
    func applyPull(_ plan: PullPlan) throws -> PullSummary
    /// What a full pull would remove: objects here its lists did not hold (to confirm first).
    func removalCandidates(advertisers: [Int64]) throws -> [RemovalCandidate]

    func pendingChanges() throws -> [PendingChange]
    func conflicts() throws -> [InvestConflict]

    func outbox() throws -> [OutboxEntry]
    func writeOutbox(_ entry: OutboxEntry) throws
    func clearOutbox(trackerId: Int64) throws

    /// Invest confirmed a create or an edit: `invest` is its copy. A created tracker takes
    /// Invest's id (its change log moves with it). If the tracker was edited since the push read
    /// it (its revision is past `sentRevision`), that edit stays, pending on top of Invest's copy.
    /// Returns the tracker as now stored.
    @discardableResult
    func recordPushed(localId: Int64, invest: Tracker, sentRevision: Int?) throws -> Tracker?
    /// A create whose answer was lost, found among `candidates` (Invest's trackers of the same
    /// fields made since, lowest id first): the first that is no other tracker's here becomes
    /// this one (a copy a pull brought in meanwhile, never edited here, is merged into it). nil
    /// when none is: Invest does not have it.
    func settleCreate(localId: Int64, candidates: [Tracker], sentRevision: Int?) throws -> Tracker?
    /// Invest confirmed a delete (or already had none).
    func recordPushedDelete(id: Int64) throws
    func recordRefusal(id: Int64, message: String) throws
    /// Invest's copy changed (or was deleted: nil) since the edit started.
    func recordConflict(id: Int64, theirs: Tracker?, reason: String) throws
    /// Settles a conflict: keep this database's version (pushed next) or take Invest's.
    func resolveConflict(id: Int64, keepMine: Bool) throws
    /// Drops what is waiting here for Invest — a pending, refused or conflicting change — and
    /// restores Invest's copy. A tracker never pushed has no copy on Invest: it is removed only
    /// when `removingUnpushed` says the operator agreed (else `KeepInvestsCopy.needsAgreement`).
    func keepInvestsCopy(id: Int64, removingUnpushed: Bool) throws -> KeepInvestsCopy
}
