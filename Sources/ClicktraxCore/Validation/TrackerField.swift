/// The fields of a click tracker an operator can get wrong, with the name the UI shows and the
/// name the Invest API uses, so every message can name the field both ways.
public enum TrackerField: String, Sendable, CaseIterable {
    case id
    case name
    case code
    case state
    case landingPageURL
    case lineItem
    case publisher
    case placement
    case paymentRule

    /// As the Create new Click Tracker dialog labels it.
    public var label: String {
        switch self {
        case .id: "ID"
        case .name: "Name"
        case .code: "Code"
        case .state: "State"
        case .landingPageURL: "Landing Page URL"
        case .lineItem: "Line Item"
        case .publisher: "Publisher"
        case .placement: "Placement"
        case .paymentRule: "Payment Rule"
        }
    }

    /// The Invest API's field name.
    public var apiName: String {
        switch self {
        case .id: "id"
        case .name: "name"
        case .code: "code"
        case .state: "state"
        case .landingPageURL: "click_url"
        case .lineItem: "line_item"
        case .publisher: "publisher"
        case .placement: "tag"
        case .paymentRule: "payment_rule"
        }
    }
}
