import ClicktraxCore

/// What the screen shows of the connection to Invest: the member, what is pending and what is
/// conflicting (the title bar and the row marks), read after every change.
public struct SyncStatus: Sendable, Equatable {
    public var connection: InvestConnection?
    public var pending: [Int64: PendingChange.Action] = [:]
    public var conflicts: Set<Int64> = []

    public init(connection: InvestConnection? = nil, pending: [Int64: PendingChange.Action] = [:], conflicts: Set<Int64> = []) {
        self.connection = connection
        self.pending = pending
        self.conflicts = conflicts
    }

    public var connected: Bool { connection?.connected ?? false }

    /// Something of this tracker waits for Invest: a pending change (refused or not) or a conflict.
    public func waitsForInvest(_ id: Int64) -> Bool { pending[id] != nil || conflicts.contains(id) }

    /// The mark a row of the table gets: `!` conflicting, `*` pending (ASCII: any terminal shows it).
    public func mark(_ id: Int64) -> String? {
        if conflicts.contains(id) { return "!" }
        if pending[id] != nil { return "*" }
        return nil
    }

    /// The title bar's words: `member 958 · 3 pending (*) · 1 conflict (!) · pulled 12:04 UTC`.
    public var summary: String? {
        guard let connection else { return nil }
        var parts = [connection.memberId.map { "member \($0)" } ?? connection.username]
        guard connection.connected else { return parts[0] + " · not pulled yet" }
        if !pending.isEmpty { parts.append("\(pending.count) pending (*)") }
        if !conflicts.isEmpty { parts.append("\(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s") (!)") }
        if let last = connection.lastPull { parts.append("pulled \(last.dropFirst(11).prefix(5)) UTC") }
        return parts.joined(separator: " · ")
    }
}

/// A pull or push running in the background, as far as it got.
public struct SyncRun: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case pull, push }
    public var kind: Kind
    public var pages = 0
    public var expectedPages = 0
    public var objects = 0
    public var waited = 0.0
    /// The last wait or note, for the footer.
    public var note: String?

    public init(kind: Kind) { self.kind = kind }
}

/// How a pull or push ended.
public enum SyncOutcome: Sendable, Equatable {
    case pulled(PullSummary, pages: Int, objects: Int)
    case pushed([InvestPush.Result])
    case failed(String)
}
