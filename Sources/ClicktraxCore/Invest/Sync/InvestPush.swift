import Foundation

/// `clicktrax invest push`: sends each pending tracker on its own — creates, then edits and
/// state changes, then deletes — and says per tracker what happened.
///
/// Exactly once: before each request an outbox entry says what is about to be sent. Whatever
/// stops the push (a crash, `kill -9`, a connection dropped before or after Invest stored the
/// tracker), the next push first settles every entry left over by asking Invest what it has —
/// a create is looked for among the advertiser's trackers this database does not know, an edit
/// or delete by the tracker's id — and only sends again what Invest does not have. Writes go out
/// on a connection of their own, so the HTTP library never re-sends one by itself
/// (`InvestTransport`). Before a PUT or DELETE, Invest's `last_modified` is compared with the one
/// the edit started from: if it moved, the tracker is conflicting and nothing is overwritten.
public struct InvestPush: Sendable {
    public struct Result: Sendable, Equatable {
        public enum Outcome: Sendable, Equatable {
            case pushed
            case refused(String)
            case conflicting(String)
            /// The answer was lost and Invest could not be asked: the next push settles it.
            case unknown(String)
        }

        /// Which kind of tracker: click trackers go to `/clicktracker`, impression trackers to `/imptracker`.
        public var kind: TrackerKind
        public var action: PendingChange.Action
        /// The id before the push (provisional for a create).
        public var trackerId: Int64
        /// Invest's id after a create.
        public var investId: Int64?
        public var name: String
        public var outcome: Outcome

        public init(kind: TrackerKind, action: PendingChange.Action, trackerId: Int64, investId: Int64?, name: String, outcome: Outcome) {
            self.kind = kind
            self.action = action
            self.trackerId = trackerId
            self.investId = investId
            self.name = name
            self.outcome = outcome
        }
    }

    let client: InvestClient
    /// The sync state of `kind`'s trackers (a store scoped to that kind).
    let store: any InvestSyncing
    let kind: TrackerKind
    let events: @Sendable (InvestEvent) -> Void

    public init(client: InvestClient, store: any InvestSyncing, kind: TrackerKind, events: @escaping @Sendable (InvestEvent) -> Void) {
        self.client = client
        self.store = store
        self.kind = kind
        self.events = events
    }

    /// The kind's service and the key of its objects (`clicktracker`, `imptracker`).
    private var service: String { kind.objectKind.rawValue }

    /// What a push would send, in order (`--dry-run`), optionally only some trackers.
    public static func plan(_ pending: [PendingChange], only ids: Set<Int64>) -> [PendingChange] {
        let chosen = ids.isEmpty ? pending : pending.filter { ids.contains($0.trackerId) }
        let order: [PendingChange.Action: Int] = [.create: 0, .update: 1, .delete: 2]
        return chosen.sorted { (order[$0.action]!, $0.trackerId) < (order[$1.action]!, $1.trackerId) }
    }

    public func run(only ids: Set<Int64> = []) async throws -> [Result] {
        var results: [Result] = []
        // First what an earlier push left unsettled.
        for entry in try store.outbox() where ids.isEmpty || ids.contains(entry.trackerId) {
            if let result = try await settle(entry) { results.append(result) }
        }
        let settled = Set(results.map(\.trackerId))
        for change in Self.plan(try store.pendingChanges(), only: ids) where !settled.contains(change.trackerId) {
            results.append(try await push(change))
        }
        return results
    }

    private func push(_ change: PendingChange) async throws -> Result {
        let name = change.mine?.name ?? change.base?.name ?? ""
        func result(_ outcome: Result.Outcome, investId: Int64? = nil) -> Result {
            Result(kind: kind, action: change.action, trackerId: change.trackerId, investId: investId, name: name, outcome: outcome)
        }
        switch change.action {
        case .create:
            guard let mine = change.mine, let advertiserId = mine.advertiserId else {
                return result(.refused("its line item has no advertiser here"))
            }
            let entry = OutboxEntry(trackerId: mine.id, action: .create, advertiserId: advertiserId, intent: mine, baseLastModified: nil,
                                    writtenAt: Timestamp.now(), revision: mine.revision)
            try store.writeOutbox(entry)
            do {
                let answer = try await client.call("POST", service, [("advertiser_id", "\(advertiserId)")],
                                                   body: Self.body(Self.createFields(mine), kind: kind))
                // The object should come back; if only `response.id` does, Invest is asked for it.
                // An answer without a whole tracker is not an error: Invest is asked for it next.
                var created = try? Self.tracker(in: answer, advertiserId: advertiserId, kind: kind)
                if created == nil, let id = answer.integer("id") { created = try await fetch(id: id, advertiserId: advertiserId) }
                guard let created else {
                    return result(.unknown("Invest answered OK but named no tracker; the next push looks for it"))
                }
                return result(try record(created, for: entry), investId: created.id)
            } catch let unknown as InvestClient.WriteOutcomeUnknown {
                events(.note("\(kind.shortNoun) \(mine.id): \(unknown.reason); asking Invest whether it stored it"))
                return try await settleOrReport(entry, fallback: result(.unknown(unknown.reason)))
            } catch let error as InvestError {
                guard case .api(_, _, let message, _) = error else { throw error }
                try store.recordRefusal(id: mine.id, message: message)
                return result(.refused(message))
            }
        case .update, .delete:
            guard let base = change.base else { return result(.refused("Invest's copy of it is missing here")) }
            let advertiserId = base.advertiserId ?? change.mine?.advertiserId ?? 0
            // Has Invest's copy moved since the edit started?
            guard let current = try await fetch(id: change.trackerId, advertiserId: advertiserId) else {
                if change.action == .delete {
                    try store.recordPushedDelete(id: change.trackerId)
                    return result(.pushed)
                }
                try store.recordConflict(id: change.trackerId, theirs: nil, reason: "changed here, deleted on Invest")
                return result(.conflicting("deleted on Invest since the last pull"))
            }
            if current.lastModified != base.lastModified {
                let reason = change.action == .delete ? "deleted here, changed on Invest" : "changed here and on Invest"
                try store.recordConflict(id: change.trackerId, theirs: current, reason: reason)
                return result(.conflicting("changed on Invest at \(current.lastModified) UTC, after the last pull"))
            }
            let entry = OutboxEntry(trackerId: change.trackerId, action: change.action, advertiserId: advertiserId,
                                    intent: change.mine, baseLastModified: base.lastModified, writtenAt: Timestamp.now(),
                                    revision: change.mine?.revision)
            try store.writeOutbox(entry)
            do {
                if change.action == .delete {
                    _ = try await client.call("DELETE", service, [("id", "\(change.trackerId)")])
                    try store.recordPushedDelete(id: change.trackerId)
                } else if let mine = change.mine {
                    let answer = try await client.call("PUT", service, [("id", "\(change.trackerId)")],
                                                       body: Self.body(Self.changedFields(from: base, to: mine), kind: kind))
                    // An answer without a whole tracker is not an error: Invest is asked for it next.
                    var updated = try? Self.tracker(in: answer, advertiserId: advertiserId, kind: kind)
                    if updated == nil { updated = try await fetch(id: change.trackerId, advertiserId: advertiserId) }
                    guard let updated else { return result(.unknown("Invest's answer held no tracker")) }
                    return result(try record(updated, for: entry))
                }
                return result(.pushed)
            } catch let unknown as InvestClient.WriteOutcomeUnknown {
                events(.note("\(kind.shortNoun) \(change.trackerId): \(unknown.reason); asking Invest what it has"))
                return try await settleOrReport(entry, fallback: result(.unknown(unknown.reason)))
            } catch let error as InvestError {
                guard case .api(_, _, let message, _) = error else { throw error }
                try store.recordRefusal(id: change.trackerId, message: message)
                return result(.refused(message))
            }
        }
    }

    /// Settles an entry right after its answer was lost; if Invest cannot be asked either, the
    /// entry stays for the next push.
    private func settleOrReport(_ entry: OutboxEntry, fallback: Result) async throws -> Result {
        do {
            return try await settle(entry) ?? fallback
        } catch let error as InvestError {
            if case .network = error { return fallback }
            throw error
        }
    }

    /// What became of a request written to the outbox: looked up on Invest, and recorded.
    /// nil when Invest never got it (the entry is cleared; the change is still pending).
    private func settle(_ entry: OutboxEntry) async throws -> Result? {
        let name = entry.intent?.name ?? ""
        func result(_ outcome: Result.Outcome, investId: Int64? = nil) -> Result {
            Result(kind: kind, action: entry.action, trackerId: entry.trackerId, investId: investId, name: name, outcome: outcome)
        }
        switch entry.action {
        case .create:
            guard let intent = entry.intent else { try store.clearOutbox(trackerId: entry.trackerId); return nil }
            // Against everything Invest has for the advertiser — a pull may have brought the
            // tracker in meanwhile (issue 28) — made since the request was written down (a
            // margin for clocks): an older tracker of the same fields is someone else's.
            let since = Self.earliest(entry.writtenAt)
            let candidates = try await trackers(advertiserId: entry.advertiserId)
                .filter { Self.same(intent, $0) && $0.lastModified >= since }.sorted { $0.id < $1.id }
            guard let stored = try store.settleCreate(localId: entry.trackerId, candidates: candidates, sentRevision: entry.revision) else {
                try store.clearOutbox(trackerId: entry.trackerId)
                return nil
            }
            events(.note("\(kind.shortNoun) \(entry.trackerId): Invest had stored it as \(stored.id); not sent again"))
            return result(.pushed, investId: stored.id)
        case .update:
            let current = try await fetch(id: entry.trackerId, advertiserId: entry.advertiserId)
            if let current, let intent = entry.intent, Self.same(intent, current) {
                return result(try record(current, for: entry))
            }
            if let current, current.lastModified != entry.baseLastModified {
                try store.recordConflict(id: entry.trackerId, theirs: current, reason: "changed here and on Invest")
                return result(.conflicting("changed on Invest at \(current.lastModified) UTC"))
            }
            if current == nil {
                try store.recordConflict(id: entry.trackerId, theirs: nil, reason: "changed here, deleted on Invest")
                return result(.conflicting("deleted on Invest"))
            }
            try store.clearOutbox(trackerId: entry.trackerId)
            return nil
        case .delete:
            if try await fetch(id: entry.trackerId, advertiserId: entry.advertiserId) == nil {
                try store.recordPushedDelete(id: entry.trackerId)
                return result(.pushed)
            }
            try store.clearOutbox(trackerId: entry.trackerId)
            return nil
        }
    }

    /// Notes what Invest confirmed. Should the database fail to (a full disk, say), the request
    /// did land: the outbox entry stays, and the next push settles it without sending it again.
    private func record(_ invest: Tracker, for entry: OutboxEntry) throws -> Result.Outcome {
        do {
            try store.recordPushed(localId: entry.trackerId, invest: invest, sentRevision: entry.revision)
            return .pushed
        } catch {
            return .unknown("Invest stored it as \(invest.id), but this database could not record that (\(error)); "
                            + "the next push settles it without sending it again")
        }
    }

    /// How far before an outbox entry a tracker it made may say it was modified: clocks differ.
    static let clockMargin: TimeInterval = 600

    static func earliest(_ writtenAt: String) -> String {
        guard let date = InvestPull.date(writtenAt) else { return "" }
        return Timestamp.string(from: date.addingTimeInterval(-clockMargin))
    }

    /// Invest's tracker by id; nil when it has none (a deleted tracker answers SYNTAX).
    private func fetch(id: Int64, advertiserId: Int64) async throws -> Tracker? {
        do {
            let answer = try await client.call("GET", service, [("id", "\(id)")])
            let page = try Self.page(answer.body, list: "\(service)?id=\(id)", kind: kind)
            return page.first { $0.id == id }.map { Self.withAdvertiser($0, advertiserId) }
        } catch InvestError.api(_, "SYNTAX", _, _) {
            return nil
        }
    }

    /// Every tracker of an advertiser on Invest (to find a create whose answer was lost).
    private func trackers(advertiserId: Int64) async throws -> [Tracker] {
        var all: [Tracker] = []
        var offset = 0
        for _ in 0..<10_000 {
            let answer = try await client.call("GET", service, [("advertiser_id", "\(advertiserId)"), ("start_element", "\(offset)"),
                                                                ("num_elements", "100")])
            let list = "\(service)?advertiser_id=\(advertiserId)"
            let (objects, count) = try Self.listPage(answer.body, list: list, kind: kind)
            all += objects.map { Self.withAdvertiser($0, advertiserId) }
            offset += objects.count
            if objects.count < 100 || offset >= (count ?? 0) { break }
        }
        return all
    }

    static func withAdvertiser(_ tracker: Tracker, _ advertiserId: Int64) -> Tracker {
        var tracker = tracker
        if tracker.advertiserId == nil { tracker.advertiserId = advertiserId }
        return tracker
    }

    /// The same tracker as far as an operator set it: code (unique) when there is one, else
    /// every field.
    static func same(_ mine: Tracker, _ theirs: Tracker) -> Bool {
        if let code = mine.code, !code.isEmpty {
            return theirs.code?.lowercased() == code.lowercased() && mine.draft == theirs.draft
        }
        return mine.draft == theirs.draft
    }

    /// The trackers of a page of `kind`'s service, read under its keys, and the list's `count`.
    static func listPage(_ body: Data, list: String, kind: TrackerKind) throws -> (objects: [Tracker], count: Int?) {
        switch kind {
        case .click:
            let page = try InvestListPage<Tracker>.decode(body, list: list)
            return (page.objects, page.count)
        case .impression:
            let page = try InvestListPage<ImpTracker>.decode(body, list: list)
            return (page.objects.map(\.tracker), page.count)
        }
    }

    static func page(_ body: Data, list: String, kind: TrackerKind) throws -> [Tracker] {
        try listPage(body, list: list, kind: kind).objects
    }

    static func tracker(in answer: InvestAnswer, advertiserId: Int64, kind: TrackerKind) throws -> Tracker {
        let service = kind.objectKind.rawValue
        guard var tracker = try page(answer.body, list: service, kind: kind).first else {
            throw InvestError.badResponse(service: service, detail: "no \(service) in the answer")
        }
        // `response.id` (an int after POST, a string after PUT) names it if the object's own does not.
        if tracker.id == 0, let id = answer.integer("id") { tracker.id = id }
        return withAdvertiser(tracker, advertiserId)
    }

    static func body(_ fields: [String: Any], kind: TrackerKind) throws -> Data {
        try JSONSerialization.data(withJSONObject: [kind.objectKind.singularKey: fields], options: [.sortedKeys])
    }

    static func reference(_ id: Int64?) -> Any { id.map { ["id": $0] as Any } ?? NSNull() }

    static func createFields(_ tracker: Tracker) -> [String: Any] {
        var fields: [String: Any] = [
            "name": tracker.name, "code": tracker.code as Any? ?? NSNull(), "state": tracker.state.rawValue,
            "line_item": ["id": tracker.lineItem.id], "publisher": ["id": tracker.publisher.id], "tag": reference(tracker.tag?.id),
            "payment_rule": reference(tracker.paymentRule?.id),
        ]
        // An impression tracker has no landing page: the service has no such field.
        if tracker.kind == .click { fields["click_url"] = tracker.clickUrl as Any? ?? NSNull() }
        return fields
    }

    /// Only what the edit changed (a PUT changes only the fields sent).
    public static func changedFields(from base: Tracker, to mine: Tracker) -> [String: Any] {
        var fields: [String: Any] = [:]
        if mine.name != base.name { fields["name"] = mine.name }
        if mine.code != base.code { fields["code"] = mine.code as Any? ?? NSNull() }
        if mine.state != base.state { fields["state"] = mine.state.rawValue }
        if mine.kind == .click, mine.clickUrl != base.clickUrl { fields["click_url"] = mine.clickUrl as Any? ?? NSNull() }
        if mine.lineItem.id != base.lineItem.id { fields["line_item"] = ["id": mine.lineItem.id] }
        if mine.publisher.id != base.publisher.id { fields["publisher"] = ["id": mine.publisher.id] }
        if mine.tag?.id != base.tag?.id { fields["tag"] = reference(mine.tag?.id) }
        if mine.paymentRule?.id != base.paymentRule?.id { fields["payment_rule"] = reference(mine.paymentRule?.id) }
        return fields
    }
}
