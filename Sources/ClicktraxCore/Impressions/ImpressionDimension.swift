/// What an impressions report groups by: what Network Analytics reports them by (no tracker).
public enum ImpressionDimension: String, Sendable, CaseIterable, Equatable {
    case lineItem = "line-item"
    case publisher
    case placement
    case day

    public var title: String {
        switch self {
        case .lineItem: "Line item"
        case .publisher: "Publisher"
        case .placement: "Placement"
        case .day: "Day"
        }
    }

    /// The column of `impression_hour` it is read from (a day, from the hour).
    var column: String {
        switch self {
        case .lineItem: "line_item_id"
        case .publisher: "publisher_id"
        case .placement: "placement_id"
        case .day: "hour"
        }
    }

    /// The catalog table naming its ids, if it has one.
    var table: String? {
        switch self {
        case .lineItem: "line_item"
        case .publisher: "publisher"
        case .placement: "placement"
        case .day: nil
        }
    }
}
