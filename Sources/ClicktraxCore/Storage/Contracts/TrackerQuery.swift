/// Which trackers to list, in what order, which page.
public struct TrackerQuery: Sendable, Equatable {
    /// Words that must each appear in the tracker's name, code, line item or publisher name, or
    /// equal its ID. Case- and accent-insensitive.
    public var search: String?
    public var state: ObjectState?
    public var sort: TrackerSort
    public var descending: Bool
    public var offset: Int
    public var limit: Int?

    public init(
        search: String? = nil, state: ObjectState? = nil, sort: TrackerSort = .id, descending: Bool = false,
        offset: Int = 0, limit: Int? = nil
    ) {
        self.search = search
        self.state = state
        self.sort = sort
        self.descending = descending
        self.offset = offset
        self.limit = limit
    }
}

/// The columns trackers can be sorted by.
public enum TrackerSort: String, Sendable, CaseIterable {
    case id, name, code, state, lineItem, publisher, placement, paymentRule, landingPage, lastModified
}
