import Foundation
import Synchronization

/// `clicktrax invest pull`: advertisers, line items, publishers, placements, payment rules, click
/// and impression trackers, each list paged to its end with several pages in flight, staged page by page,
/// and applied in one transaction at the end (`InvestSyncing.applyPull`). The first pull is
/// full; later ones ask `min_last_modified` from before the previous pull started (a margin for
/// clock skew). A pull that dies keeps its staged pages; the next one with the same parameters
/// fetches only the pages it lacks.
public struct InvestPull: Sendable {
    public struct Options: Sendable {
        /// Everything, and remove what Invest no longer has.
        public var full = false
        /// Only these advertisers (default: the configuration's, else every one the member has).
        public var advertisers: [Int64] = []
        /// Subtracted from the previous pull's start for `min_last_modified`.
        public var skewMargin: TimeInterval = 600
        public init() {}
    }

    let client: InvestClient
    let store: any InvestSyncing & CatalogReading
    let events: @Sendable (InvestEvent) -> Void

    public init(client: InvestClient, store: any InvestSyncing & CatalogReading, events: @escaping @Sendable (InvestEvent) -> Void) {
        self.client = client
        self.store = store
        self.events = events
    }

    /// One list to page through: its service and scope, and how its objects are staged.
    struct ListRequest: Sendable {
        var service: String
        var query: [(String, String)]
        /// Pages already staged by an interrupted run may be skipped.
        var resumable: Bool
        var stage: @Sendable (Data, String) throws -> FetchedPage

        var name: String { ([service] + query.filter { $0.0 != "min_last_modified" }.map { "\($0.0)=\($0.1)" }).joined(separator: "?") }
    }

    /// One page as read: its objects, and what could not be kept or was left empty.
    struct FetchedPage: Sendable {
        var count: Int?
        var objects: ObjectBatch
        var skipped: [String] = []
        var notes: [String] = []

        /// Elements the page's list held, kept or skipped: what paging counts (a page of 100
        /// with one skipped object is still a full page).
        var elements: Int { objects.count + skipped.count }
    }

    public func run(_ options: Options) async throws -> PullSummary {
        let runStarted = Date()
        let connection = try store.investConnection()
        let since = options.full ? nil : connection?.mark
        let full = since == nil
        let advertiserScope = options.advertisers.sorted()
        let key = "pull v1; since \(since ?? "ever"); advertisers \(advertiserScope.isEmpty ? "all" : advertiserScope.map(String.init).joined(separator: ","))"
        let stage = try store.openPullStage(key: key)
        let buffer = StageBuffer(store: store, owner: stage.owner)
        let changedSince: [(String, String)] = since.map { [("min_last_modified", $0)] } ?? []

        // The tops of the tree first: they say which advertisers and publishers to go through.
        async let advertisersFetched: [Int64] = fetch(
            advertiserScope.isEmpty
                ? Self.list(changedSince, resumable: false, Advertiser.self) { .advertisers($0) }
                : Self.list([("id", advertiserScope.map(String.init).joined(separator: ","))],
                            resumable: false, Advertiser.self) { .advertisers($0) },
            stage: stage, buffer: buffer)
        async let publishersFetched: [Int64] = fetch(
            Self.list(changedSince, resumable: false, Publisher.self) { .publishers($0) },
            stage: stage, buffer: buffer)
        let fetchedAdvertisers = try await advertisersFetched
        let fetchedPublishers = try await publishersFetched
        if !advertiserScope.isEmpty, let missing = Set(advertiserScope).subtracting(fetchedAdvertisers).sorted().first {
            throw InvestError.api(service: "advertiser", errorId: "SYNTAX", message: "Invest has no advertiser \(missing) for this user", code: nil)
        }

        // What is known here already is asked only for what changed; what is new, in full.
        let knownAdvertisers = full ? Set<Int64>() : Set(try store.advertisers().map(\.id))
        let knownPublishers = full ? Set<Int64>() : Set(try store.publishers(matching: nil).map(\.id))
        let advertisers = advertiserScope.isEmpty ? Array(knownAdvertisers.union(fetchedAdvertisers)).sorted() : advertiserScope
        let publishers = Array(knownPublishers.union(fetchedPublishers)).sorted()
        var lists: [ListRequest] = []
        for advertiser in advertisers {
            let filter = knownAdvertisers.contains(advertiser) ? changedSince : []
            lists.append(Self.list([("advertiser_id", "\(advertiser)")] + filter,
                                   resumable: true, LineItem.self) { .lineItems($0) })
            // A tracker without its advertiser_id is the query's, as a placement's publisher is.
            lists.append(Self.list([("advertiser_id", "\(advertiser)")] + filter,
                                   resumable: true, Tracker.self) { .trackers($0.map { InvestPush.withAdvertiser($0, advertiser) }) })
            lists.append(Self.list([("advertiser_id", "\(advertiser)")] + filter, resumable: true, ImpTracker.self) { trackers in
                .impTrackers(trackers.map { ImpTracker(InvestPush.withAdvertiser($0.tracker, advertiser)) })
            })
        }
        for publisher in publishers {
            let filter = knownPublishers.contains(publisher) ? changedSince : []
            // A placement without its publisher_id is the query's, as a payment rule is.
            lists.append(Self.list([("publisher_id", "\(publisher)")] + filter,
                                   resumable: true, Placement.self) { placements in
                .placements(placements.map { var placement = $0; if placement.publisherId == 0 { placement.publisherId = publisher }; return placement })
            })
            // Payment rules carry no publisher_id: the query's publisher is theirs.
            lists.append(Self.list([("publisher_id", "\(publisher)")] + filter,
                                   resumable: true, PaymentRule.self) { rules in
                .paymentRules(rules.map { var rule = $0; rule.publisherId = publisher; return rule })
            })
        }
        try await withThrowingTaskGroup(of: [Int64].self) { group in
            // A few lists at a time; the client keeps the requests in flight at 4 whatever this does.
            var next = 0
            for _ in 0..<min(8, lists.count) {
                let list = lists[next]
                next += 1
                group.addTask { try await fetch(list, stage: stage, buffer: buffer) }
            }
            while try await group.next() != nil {
                if next < lists.count {
                    let list = lists[next]
                    next += 1
                    group.addTask { try await fetch(list, stage: stage, buffer: buffer) }
                }
            }
        }
        if full { try await confirmRemovals(advertisers: advertisers, buffer: buffer) }
        try await buffer.flush()
        let fetched = await buffer.totals
        let seconds = Date().timeIntervalSince(runStarted)
        events(.note("fetched \(fetched.pages) pages (\(fetched.objects) objects) in \(String(format: "%.1f", seconds)) s, "
                     + "\(Int(Double(fetched.pages) / max(seconds, 0.001))) pages/s; applying them in one transaction"))
        let started = Self.date(stage.startedAt) ?? Date()
        let plan = PullPlan(
            full: full, advertisers: advertisers, mark: Timestamp.string(from: started.addingTimeInterval(-options.skewMargin)),
            finishedAt: Timestamp.now(), owner: stage.owner)
        return try store.applyPull(plan)
    }

    /// Asks Invest by id about every object a full pull would remove (issue 28): those it still
    /// has are staged — a page shifted by a delete mid-pull hid them — and only those it does not
    /// are removed.
    private func confirmRemovals(advertisers: [Int64], buffer: StageBuffer) async throws {
        try await buffer.flush()
        let candidates = try store.removalCandidates(advertisers: advertisers)
        guard !candidates.isEmpty else { return }
        events(.note("asking Invest about \(candidates.count) object(s) its lists did not hold, before removing any"))
        for kind in ObjectKind.importOrder {
            let ofKind = candidates.filter { $0.kind == kind }
            for start in stride(from: 0, to: ofKind.count, by: 100) {
                let batch = Array(ofKind[start..<min(start + 100, ofKind.count)])
                let found = try await stillOnInvest(kind, batch)
                guard found.count > 0 else { continue }
                try await buffer.add(StagedPage(list: "confirm \(kind.rawValue) \(start)", count: found.count, start: start, objects: found))
            }
        }
    }

    /// Of `batch`, what Invest still has (a batch it answers "not found" is asked one by one: a
    /// deleted object fetched by id answers SYNTAX, which for several may mean only one).
    private func stillOnInvest(_ kind: ObjectKind, _ batch: [RemovalCandidate]) async throws -> ObjectBatch {
        let ids = batch.map { String($0.id) }.joined(separator: ",")
        let publishers = Dictionary(batch.map { ($0.id, $0.publisherId) }, uniquingKeysWith: { first, _ in first })
        let body: Data
        do {
            body = try await client.call("GET", kind.rawValue, [("id", ids)]).body
        } catch InvestError.api(_, "SYNTAX", _, _) {
            guard batch.count > 1 else { return ObjectBatch.empty(kind) }
            var kept: [ObjectBatch] = []
            for one in batch { kept.append(try await stillOnInvest(kind, [one])) }
            return ObjectBatch.joined(kept, kind)
        }
        let wanted = Set(batch.map(\.id))
        func page<T: InvestObject>(_ type: T.Type) throws -> [T] {
            try InvestListPage<T>.decode(body, list: "\(kind.rawValue)?id=…").objects.filter { wanted.contains($0.id) }
        }
        switch kind {
        case .advertiser: return .advertisers(try page(Advertiser.self))
        case .publisher: return .publishers(try page(Publisher.self))
        case .lineItem: return .lineItems(try page(LineItem.self))
        case .placement:
            return .placements(try page(Placement.self).map { var o = $0; if o.publisherId == 0 { o.publisherId = publishers[o.id].flatMap { $0 } ?? 0 }; return o })
        case .paymentRule:
            return .paymentRules(try page(PaymentRule.self).map { var o = $0; o.publisherId = o.publisherId ?? publishers[o.id].flatMap { $0 }; return o })
        case .clickTracker: return .trackers(try page(Tracker.self))
        case .impTracker: return .impTrackers(try page(ImpTracker.self))
        }
    }

    static func date(_ timestamp: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.date(from: timestamp)
    }

    /// The list of `T`s at its kind's service (`/line-item`, `/payment-rule`, …) with `query`.
    static func list<T: InvestObject>(
        _ query: [(String, String)], resumable: Bool, _ type: T.Type, _ wrap: @escaping @Sendable ([T]) -> ObjectBatch
    ) -> ListRequest {
        ListRequest(service: T.kind.rawValue, query: query, resumable: resumable) { data, name in
            let page = try InvestListPage<T>.decode(data, list: name)
            let notes = page.reading.notes.flatMap { object in
                object.notes.map { "\(T.kind.noun) \(object.id): \($0.field): \($0.message)" }
            }
            return FetchedPage(count: page.count, objects: wrap(page.objects), skipped: page.reading.skipped.map(\.description), notes: notes)
        }
    }

    /// Pages one list to its end and stages every page; returns the ids it saw (for the tops).
    private func fetch(_ list: ListRequest, stage: PullStage, buffer: StageBuffer) async throws -> [Int64] {
        let name = list.name
        func page(_ start: Int) async throws -> FetchedPage {
            let answer = try await client.call("GET", list.service, list.query + [("start_element", "\(start)"), ("num_elements", "100")])
            return try list.stage(answer.body, name)
        }
        let first = try await page(0)
        let total = first.count ?? first.elements
        var ids = Self.parentIds(first.objects)
        events(.listSized(list: name, pages: max(1, (total + 99) / 100)))
        try await buffer.add(StagedPage(list: name, count: total, start: 0, objects: first.objects, skipped: first.skipped, notes: first.notes))
        events(.page(list: name, objects: first.objects.count))
        let size = first.elements
        guard size > 0, total > size else { return ids }
        var skip = Set<Int>()
        if list.resumable, let staged = stage.lists[name] {
            if staged.count == total { skip = staged.pages } else { try store.discardStagedList(name) }
        }
        if size >= 100 {
            // Every page's offset is known: fetch them side by side.
            let starts = stride(from: size, to: total, by: size).filter { !skip.contains($0) }
            let lastFull = try await withThrowingTaskGroup(of: (Int, Int, [Int64]).self) { group -> Bool in
                // A window of pages, not all at once: pages waiting for the database to take them
                // would otherwise pile up in memory on a big list.
                var pending = starts[...]
                // `count` is a hint (a lying one can claim 2^63 objects): pages go out in order, and
                // once one comes back short the list has ended — no page past it is asked for.
                var ended = false
                func addNext() {
                    guard !ended, let start = pending.popFirst() else { return }
                    group.addTask {
                        let result = try await page(start)
                        try await buffer.add(StagedPage(list: name, count: total, start: start, objects: result.objects,
                                                        skipped: result.skipped, notes: result.notes))
                        events(.page(list: name, objects: result.objects.count))
                        return (start, result.elements, Self.parentIds(result.objects))
                    }
                }
                for _ in 0..<(InvestClient.maxInFlight * 2) { addNext() }
                var lastFull = false
                let lastStart = starts.last ?? -1
                while let (start, count, pageIds) = try await group.next() {
                    ids += pageIds
                    if start == lastStart { lastFull = count >= size }
                    if count < size { ended = true }
                    addNext()
                }
                return lastFull
            }
            // `count` can be stale: a full last page means there may be more.
            if lastFull || (starts.isEmpty && (total % size == 0)) {
                ids += try await sequential(from: total, step: size, page: page, list: name, total: total, buffer: buffer)
            }
        } else {
            // The server pages by fewer than asked: walk with our own offset.
            ids += try await sequential(from: size, step: size, page: page, list: name, total: total, buffer: buffer)
        }
        return ids
    }

    /// Pages one after another until one comes back short, empty or the same as the last
    /// (a stale `count` has been seen to repeat pages), at most 100,000 pages.
    private func sequential(
        from offset: Int, step: Int, page: (Int) async throws -> FetchedPage, list: String, total: Int,
        buffer: StageBuffer
    ) async throws -> [Int64] {
        var offset = offset
        var ids: [Int64] = []
        var previous: [Int64] = []
        for _ in 0..<100_000 {
            let result = try await page(offset)
            let pageIds = Self.parentIds(result.objects)
            // The same objects as the page before: the server repeats itself past the end.
            let seen = result.objects.ids
            if result.elements == 0 || (!seen.isEmpty && seen == previous) { break }
            try await buffer.add(StagedPage(list: list, count: total, start: offset, objects: result.objects,
                                            skipped: result.skipped, notes: result.notes))
            events(.page(list: list, objects: result.objects.count))
            ids += pageIds
            previous = seen
            if result.elements < step { break }
            offset += result.elements
        }
        return ids
    }

    /// The ids of a page of parents (advertisers, publishers) whose children are listed next;
    /// a page of anything else has none to list.
    static func parentIds(_ objects: ObjectBatch) -> [Int64] {
        switch objects {
        case .advertisers(let o): o.map(\.id)
        case .publishers(let o): o.map(\.id)
        case .lineItems, .placements, .paymentRules, .trackers, .impTrackers: []
        }
    }
}

/// Gathers fetched pages and stages them a few thousand objects at a time: one transaction
/// per page would wait for the disk ten thousand times in a big pull.
actor StageBuffer {
    let store: any InvestSyncing
    let owner: String
    var pages: [StagedPage] = []
    var objects = 0
    var lastFlush = Date()
    /// Pages and objects fetched in this run.
    var totals = (pages: 0, objects: 0)

    init(store: any InvestSyncing, owner: String) {
        self.store = store
        self.owner = owner
    }

    /// Staged every 5,000 objects or every second, whichever comes first: a pull killed at any
    /// moment loses at most a second of pages.
    func add(_ page: StagedPage) throws {
        pages.append(page)
        objects += page.objects.count
        totals.pages += 1
        totals.objects += page.objects.count
        if objects >= 5_000 || Date().timeIntervalSince(lastFlush) >= 1 { try flush() }
    }

    func flush() throws {
        let batch = pages
        pages = []
        objects = 0
        lastFlush = Date()
        try store.stage(batch, owner: owner)
    }
}
