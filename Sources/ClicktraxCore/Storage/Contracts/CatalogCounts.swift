/// How many of each object the database holds.
public struct CatalogCounts: Sendable, Equatable {
    public var advertisers = 0
    public var lineItems = 0
    public var publishers = 0
    public var placements = 0
    public var paymentRules = 0
    public var trackers = 0

    public init() {}

    /// A database with no catalog and no trackers: the UI opens on its welcome screen.
    public var isEmpty: Bool {
        advertisers + lineItems + publishers + placements + paymentRules + trackers == 0
    }
}
