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
