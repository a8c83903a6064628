import Foundation

/// Pull and push as one routine for the command line and the terminal UI (issue 27): the same
/// client from the same session, the same options — `[invest] advertisers` included — so a pull
/// started in one resumes the pages the other staged, and a pull always leaves the line item
/// search index up to date.
public struct InvestSync: Sendable {
    public let session: InvestSession
    public let store: any TrackerStore
    public let events: @Sendable (InvestEvent) -> Void
    /// Who runs it, for whoever waits for it (`clicktrax invest push`, `the terminal UI`).
    public var runBy: String
    /// How long to wait for another sync of the same database to end (`SyncLock`).
    public var lockWait: TimeInterval

    public init(session: InvestSession, store: any TrackerStore, runBy: String, lockWait: TimeInterval = 120,
                events: @escaping @Sendable (InvestEvent) -> Void) {
        self.session = session
        self.store = store
        self.runBy = runBy
        self.lockWait = lockWait
        self.events = events
    }

    /// Holds the database's sync lock for `what`, telling the operator once if it waits.
    public func lock(_ what: String) throws -> SyncLock {
        let events = events
        let wait = lockWait
        return try SyncLock.acquire(databasePath: session.databasePath, what: "\(what) (\(runBy))", wait: wait) { holder in
            events(.note("waiting up to \(Int(wait)) s for \(holder?.description ?? "another sync of this database") to finish"))
        }
    }

    /// The database's connection, or the error saying to log in first.
    public func connection() throws -> InvestConnection {
        guard let connection = try store.investConnection() else {
            throw InvestError.needsLogin("\(session.databasePath) is not connected to Invest")
        }
        return connection
    }

    public func client() throws -> InvestClient { try session.client(for: try connection(), events: events) }

    /// The pull's options: `advertisers` when given, else the configuration's.
    public func pullOptions(full: Bool, advertisers: [Int64]) -> InvestPull.Options {
        var options = InvestPull.Options()
        options.full = full
        options.advertisers = advertisers.isEmpty ? session.settings.advertisers : advertisers
        return options
    }

    /// `invest pull`: the catalog and trackers, then the search index brought up to date.
    public func pull(full: Bool = false, advertisers: [Int64] = []) async throws -> PullSummary {
        let lock = try lock("a pull")
        defer { lock.release() }
        let summary = try await InvestPull(client: try client(), store: store, events: events)
            .run(pullOptions(full: full, advertisers: advertisers))
        try store.refreshSearchIndex()
        return summary
    }

    /// `invest push`: what is pending — click trackers, then impression trackers — or only
    /// `ids` of the kind `only` (every kind when nil).
    public func push(only ids: Set<Int64> = [], of only: TrackerKind? = nil) async throws -> [InvestPush.Result] {
        let lock = try lock("a push")
        defer { lock.release() }
        guard try connection().connected else {
            throw InvestError.needsLogin("\(session.databasePath) has not pulled from Invest yet: run clicktrax invest pull first (then push)")
        }
        let client = try client()
        let kinds = only.map { [$0] } ?? TrackerKind.allCases
        // Trackers switched off for the member: one line before anything is sent, not a refusal
        // per tracker. Where /member cannot be read, the push goes on and Invest decides.
        let waiting = try kinds.contains { kind in
            let scoped = store.scoped(to: kind)
            return try !scoped.pendingChanges().isEmpty || !scoped.outbox().isEmpty
        }
        if waiting, let (enabled, member) = try? await client.trackersEnabled(), enabled == false {
            throw InvestError.trackersDisabled(member: member)
        }
        var results: [InvestPush.Result] = []
        for kind in kinds {
            results += try await InvestPush(client: client, store: store.scoped(to: kind), kind: kind, events: events).run(only: ids)
        }
        return results
    }

    /// `invest pull-clicks`: the feed's windows, each imported as it arrives.
    public func pullClicks(_ windows: [InvestClickPull.Window], pollTimeout: TimeInterval,
                           imported: @Sendable @escaping (InvestClickPull.Window, ClickImportSummary) -> Void) async throws -> Int {
        let lock = try lock("a pull of clicks")
        defer { lock.release() }
        var pull = InvestClickPull(client: try client(), store: store, events: events)
        pull.pollTimeout = pollTimeout
        return try await pull.run(windows, imported: imported)
    }

    /// `invest pull-impressions`: Network Analytics' windows, each stored as it arrives; the
    /// impressions and clicks stored in all.
    public func pullImpressions(_ windows: [InvestClickPull.Window], pollTimeout: TimeInterval,
                                stored: @Sendable (InvestClickPull.Window, Int, Int64, Int64) -> Void) async throws
        -> (impressions: Int64, clicks: Int64) {
        let lock = try lock("a pull of impressions")
        defer { lock.release() }
        var pull = InvestImpressionPull(client: try client(), store: store, events: events)
        pull.pollTimeout = pollTimeout
        return try await pull.run(windows, stored: stored)
    }
}
