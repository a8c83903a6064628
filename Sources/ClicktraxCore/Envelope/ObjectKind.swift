/// The kinds of Invest object Clicktrax reads and writes, with the keys the API's envelope
/// uses for a list of them and for one.
public enum ObjectKind: String, Sendable, CaseIterable {
    case advertiser
    case lineItem = "line-item"
    case publisher
    case placement
    case paymentRule = "payment-rule"
    case clickTracker = "clicktracker"
    case impTracker = "imptracker"

    /// `clicktrackers`, `line-items`, …
    public var pluralKey: String { rawValue + "s" }
    /// `clicktracker`, `line-item`, …
    public var singularKey: String { rawValue }

    /// In a sentence: `line item 12`, `tracker 5`.
    public var noun: String {
        switch self {
        case .advertiser: "advertiser"
        case .lineItem: "line item"
        case .publisher: "publisher"
        case .placement: "placement"
        case .paymentRule: "payment rule"
        case .clickTracker: "tracker"
        case .impTracker: "impression tracker"
        }
    }
}

/// A model that travels in the Invest envelope.
public protocol InvestObject: Codable, Sendable {
    static var kind: ObjectKind { get }
    var id: Int64 { get }
}

extension Tracker: InvestObject { public static var kind: ObjectKind { .clickTracker } }
