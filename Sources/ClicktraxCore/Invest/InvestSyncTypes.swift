import Foundation

/// Trackers created here get an id of this range until Invest gives them theirs: Invest's own ids
/// never come near it, so a tracker pulled later can never collide with one made here, and
/// "created here, not on Invest yet" can be told from the id alone (the lint does, before an
/// export: tags with such an id would count nothing).
public enum InvestIDs {
    public static let provisionalBase: Int64 = 1_000_000_000_000

    public static func isProvisional(_ id: Int64) -> Bool { id >= provisionalBase }

    /// The largest id a JSON number holds exactly (2^53): Invest's ids, and ours, stay within it.
    public static let maxID: Int64 = 1 << 53

    public static func isValid(_ id: Int64) -> Bool { id >= 1 && id <= maxID }

    public static func rangeProblem(_ id: Int64) -> String {
        "must be a whole number from 1 to \(maxID) (got \(id))"
    }
}

/// The member this database is connected to, and how far its pulls got.
public struct InvestConnection: Sendable, Equatable, Codable {
    public var api: String
    public var username: String
    public var memberId: Int64?
    public var memberName: String?
    /// When the last complete pull ended (UTC, Invest's format).
    public var lastPull: String?
    /// The `min_last_modified` the next incremental pull asks for.
    public var mark: String?

    public init(api: String, username: String, memberId: Int64? = nil, memberName: String? = nil,
                lastPull: String? = nil, mark: String? = nil) {
        self.api = api
        self.username = username
        self.memberId = memberId
        self.memberName = memberName
        self.lastPull = lastPull
        self.mark = mark
    }

    /// Connected once a first pull completed: from then on, trackers made here are pending.
    public var connected: Bool { lastPull != nil }
}

/// A tracker change made here that Invest does not have yet.
public struct PendingChange: Sendable, Equatable {
    public enum Action: String, Sendable, Codable { case create, update, delete }
    public var action: Action
    public var trackerId: Int64
    /// The tracker as it is here (nil for a delete).
    public var mine: ClickTracker?
    /// Invest's copy as last seen: what an edit started from (nil for a create).
    public var base: ClickTracker?
    /// Why the last push did not send it, if it was refused.
    public var refusal: String?
}

/// A tracker changed both here and on Invest since the last pull: both versions kept until
/// `invest resolve` picks one.
public struct InvestConflict: Sendable, Equatable {
    public var trackerId: Int64
    /// This database's version (nil: deleted here).
    public var mine: ClickTracker?
    /// Invest's version (nil: deleted on Invest).
    public var theirs: ClickTracker?
    public var reason: String
    public var foundAt: String

    public init(trackerId: Int64, mine: ClickTracker?, theirs: ClickTracker?, reason: String, foundAt: String) {
        self.trackerId = trackerId
        self.mine = mine
        self.theirs = theirs
        self.reason = reason
        self.foundAt = foundAt
    }
}

/// A request about to be sent, written down first (`invest_outbox`), so that a push that dies
/// anywhere — before the request, during it, after Invest stored it — can find out on the next
/// run what Invest has, instead of sending it again blindly.
public struct OutboxEntry: Sendable, Equatable {
    public var trackerId: Int64
    public var action: PendingChange.Action
    public var advertiserId: Int64
    /// What the tracker was to become (nil for a delete).
    public var intent: ClickTracker?
    /// Invest's `last_modified` the change started from (nil for a create).
    public var baseLastModified: String?
    public var writtenAt: String
    /// The tracker's revision the request carried: a later one is an edit made meanwhile.
    public var revision: Int?

    public init(trackerId: Int64, action: PendingChange.Action, advertiserId: Int64, intent: ClickTracker?,
                baseLastModified: String?, writtenAt: String, revision: Int? = nil) {
        self.trackerId = trackerId
        self.action = action
        self.advertiserId = advertiserId
        self.intent = intent
        self.baseLastModified = baseLastModified
        self.writtenAt = writtenAt
        self.revision = revision ?? intent?.revision
    }
}

/// Objects of one fetched page, on their way to the staging tables.
public enum StagedObjects: Sendable {
    case advertisers([Advertiser]), lineItems([LineItem]), publishers([Publisher])
    case placements([Placement]), paymentRules([PaymentRule]), trackers([ClickTracker])

    /// Every object's id, in the page's order.
    public var ids: [Int64] {
        switch self {
        case .advertisers(let o): o.map(\.id)
        case .lineItems(let o): o.map(\.id)
        case .publishers(let o): o.map(\.id)
        case .placements(let o): o.map(\.id)
        case .paymentRules(let o): o.map(\.id)
        case .trackers(let o): o.map(\.id)
        }
    }

    public var count: Int {
        switch self {
        case .advertisers(let o): o.count
        case .lineItems(let o): o.count
        case .publishers(let o): o.count
        case .placements(let o): o.count
        case .paymentRules(let o): o.count
        case .trackers(let o): o.count
        }
    }
}

/// One fetched page of a list (`line-item?advertiser_id=5`), whose size is `count`.
public struct StagedPage: Sendable {
    public var list: String
    public var count: Int
    public var start: Int
    public var objects: StagedObjects
    /// Objects of the page that could not be kept (`line item 5: id: …`).
    public var skipped: [String] = []
    /// Values left empty because they could not be read as their type.
    public var notes: [String] = []

    public init(list: String, count: Int, start: Int, objects: StagedObjects, skipped: [String] = [], notes: [String] = []) {
        self.list = list
        self.count = count
        self.start = start
        self.objects = objects
        self.skipped = skipped
        self.notes = notes
    }
}

/// What an interrupted pull had already fetched: per list, its size and the pages staged.
public struct PullStage: Sendable {
    public var lists: [String: (count: Int, pages: Set<Int>)]
    /// When the first run of this pull started (UTC): the next incremental pull asks from
    /// before it, so what changed while it ran is fetched again.
    public var startedAt: String = Timestamp.now()
    /// This run's mark on the stage: it stages and applies only while the stage is its own.
    public var owner = UUID().uuidString

    public init(lists: [String: (count: Int, pages: Set<Int>)] = [:]) { self.lists = lists }
}

/// An object here that a full pull's lists did not hold: removed only once Invest confirms it
/// has no such object.
public struct RemovalCandidate: Sendable, Equatable {
    public var kind: ObjectKind
    public var id: Int64
    /// A placement's or payment rule's publisher (a payment rule's JSON carries none).
    public var publisherId: Int64?
}

/// How the staged pull reaches the catalog.
public struct PullPlan: Sendable {
    /// Also remove what Invest no longer has (within the pulled advertisers).
    public var full: Bool
    /// The advertisers pulled; a full pull removes line items and trackers only of these.
    public var advertisers: [Int64]
    /// The next incremental pull's `min_last_modified`.
    public var mark: String
    public var finishedAt: String
    /// The run whose stage this is (nil: whoever's — for tests that stage by hand).
    public var owner: String?

    public init(full: Bool, advertisers: [Int64], mark: String, finishedAt: String, owner: String? = nil) {
        self.full = full
        self.advertisers = advertisers
        self.mark = mark
        self.finishedAt = finishedAt
        self.owner = owner
    }
}

/// What a pull changed here.
public struct PullSummary: Sendable, Equatable {
    /// Per object kind (`line items`, …): added or changed, and removed.
    public var changed: [String: Int] = [:]
    public var removed: [String: Int] = [:]
    public var trackersUpdated = 0
    public var trackersAdded = 0
    public var trackersRemoved = 0
    /// Trackers that became conflicting (changed on Invest and here).
    public var conflicts: [Int64] = []
    /// Trackers Invest has that could not be stored (their line item was not pulled, say).
    public var skipped: [String] = []
    /// Objects Invest sent that could not be kept at all (no usable id, a value past the cap).
    public var skippedObjects: [String] = []
    /// Values left empty: Invest sent something that is not of the field's type.
    public var leftEmpty: [String] = []
    /// What was kept as Invest has it but would not be accepted if typed.
    public var legacy = LegacyValues()
    /// Trackers made here that moved to the provisional range (connecting, or their id is Invest's).
    public var renumbered: [Renumbering] = []
    /// Trackers made here whose push was cut after Invest stored them: they took Invest's id.
    public var adopted: [Renumbering] = []

    /// `12 line items, 1 placements` (the catalog kinds in their order), or nil when none.
    public var changedCatalog: String? { Self.listed(changed) }
    public var removedCatalog: String? { Self.listed(removed) }

    static let kinds = ["advertisers", "line items", "publishers", "placements", "payment rules"]

    static func listed(_ counts: [String: Int]) -> String? {
        let parts = kinds.compactMap { kind in counts[kind].map { "\($0.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) \(kind)" } }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    public struct Renumbering: Sendable, Equatable {
        public var from: Int64
        public var to: Int64
    }

    public init() {}
}

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
    func recordPushed(localId: Int64, invest: ClickTracker, sentRevision: Int?) throws -> ClickTracker?
    /// A create whose answer was lost, found among `candidates` (Invest's trackers of the same
    /// fields made since, lowest id first): the first that is no other tracker's here becomes
    /// this one (a copy a pull brought in meanwhile, never edited here, is merged into it). nil
    /// when none is: Invest does not have it.
    func settleCreate(localId: Int64, candidates: [ClickTracker], sentRevision: Int?) throws -> ClickTracker?
    /// Invest confirmed a delete (or already had none).
    func recordPushedDelete(id: Int64) throws
    func recordRefusal(id: Int64, message: String) throws
    /// Invest's copy changed (or was deleted: nil) since the edit started.
    func recordConflict(id: Int64, theirs: ClickTracker?, reason: String) throws
    /// Settles a conflict: keep this database's version (pushed next) or take Invest's.
    func resolveConflict(id: Int64, keepMine: Bool) throws
    /// Drops what is waiting here for Invest — a pending, refused or conflicting change — and
    /// restores Invest's copy. A tracker never pushed has no copy on Invest: it is removed only
    /// when `removingUnpushed` says the operator agreed (else `KeepInvestsCopy.needsAgreement`).
    func keepInvestsCopy(id: Int64, removingUnpushed: Bool) throws -> KeepInvestsCopy
}

/// What dropping a local change did.
public enum KeepInvestsCopy: Sendable, Equatable {
    /// Invest's copy is the tracker again (its fields, or the tracker itself after a delete here).
    case restored(ClickTracker)
    /// A tracker made here and never pushed: removed (it was `ClickTracker` before).
    case removed(ClickTracker)
    /// Made here and never pushed: removing it is the only way back, and must be agreed to.
    case needsAgreement(ClickTracker)
}
