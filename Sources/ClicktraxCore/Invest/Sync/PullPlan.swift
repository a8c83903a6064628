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
