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

    /// Its value in a row `h` of `impression_hour` (a day: the start of the hour's day).
    var expression: String {
        switch self {
        case .lineItem: "h.line_item_id"
        case .publisher: "h.publisher_id"
        case .placement: "h.placement_id"
        case .day: "h.hour - h.hour % 86400"
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
