/// Where a click came from, as the feed attributes it: the tracker and what it was served on.
/// Ids of 0 mean none (the feed writes `tag_id` 0 for no placement). The import keeps each
/// distinct source once and the clicks point at it, so a click row stays a few bytes.
public struct ClickSource: Hashable, Sendable {
    public var trackerId: Int64
    public var lineItemId: Int64
    public var publisherId: Int64
    public var placementId: Int64
    public var siteDomain: String

    public init(trackerId: Int64, lineItemId: Int64 = 0, publisherId: Int64 = 0, placementId: Int64 = 0, siteDomain: String = "") {
        self.trackerId = trackerId
        self.lineItemId = lineItemId
        self.publisherId = publisherId
        self.placementId = placementId
        self.siteDomain = siteDomain
    }
}

/// One click on its way into the database: `source` is the import's own number for its source
/// (the writer maps it to the database's), `key` its auction id or, without one, a number of
/// the import's own (see `ClickImporter`).
public struct ClickRow: Sendable {
    public var at: Int64
    public var key: Int64
    public var source: Int32
    /// Billionths (`ClickCost`).
    public var cost: Int64
}
