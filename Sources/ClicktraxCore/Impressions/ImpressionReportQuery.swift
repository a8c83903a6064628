/// Which impressions to report, grouped how: `[from, to)` in Unix seconds (nil: from the
/// oldest, up to the newest), rows keyed by `dimensions` in order.
public struct ImpressionReportQuery: Sendable, Equatable {
    public var dimensions: [ImpressionDimension]
    public var from: Int64?
    public var to: Int64?
    public var lineItems: [Int64] = []
    public var publishers: [Int64] = []

    public init(dimensions: [ImpressionDimension] = [.lineItem, .publisher, .placement], from: Int64? = nil, to: Int64? = nil) {
        self.dimensions = dimensions
        self.from = from
        self.to = to
    }
}
