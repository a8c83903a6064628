/// Objects of one kind, as a page of Invest's API holds them: what the import reads from a
/// response page, what a pull stages. The one batch type for every kind — a new kind is a new
/// case here and its `ObjectDescriptor`.
public enum ObjectBatch: Sendable {
    case advertisers([Advertiser]), lineItems([LineItem]), publishers([Publisher])
    case placements([Placement]), paymentRules([PaymentRule]), trackers([Tracker])
    /// Impression trackers (`imptrackers`): read and imported; not pulled from Invest yet.
    case impTrackers([ImpTracker])

    public var kind: ObjectKind {
        switch self {
        case .advertisers: .advertiser
        case .lineItems: .lineItem
        case .publishers: .publisher
        case .placements: .placement
        case .paymentRules: .paymentRule
        case .trackers: .clickTracker
        case .impTrackers: .impTracker
        }
    }

    /// Every object's id, in the page's order.
    public var ids: [Int64] {
        switch self {
        case .advertisers(let o): o.map(\.id)
        case .lineItems(let o): o.map(\.id)
        case .publishers(let o): o.map(\.id)
        case .placements(let o): o.map(\.id)
        case .paymentRules(let o): o.map(\.id)
        case .trackers(let o): o.map(\.id)
        case .impTrackers(let o): o.map(\.id)
        }
    }

    public var count: Int { ids.count }

    /// No objects of `kind`.
    public static func empty(_ kind: ObjectKind) -> ObjectBatch {
        switch kind {
        case .advertiser: .advertisers([])
        case .publisher: .publishers([])
        case .lineItem: .lineItems([])
        case .placement: .placements([])
        case .paymentRule: .paymentRules([])
        case .clickTracker: .trackers([])
        case .impTracker: .impTrackers([])
        }
    }

    /// The batches of `kind` one after another (a batch of another kind is left out).
    public static func joined(_ parts: [ObjectBatch], _ kind: ObjectKind) -> ObjectBatch {
        parts.reduce(empty(kind)) { all, part in
            switch (all, part) {
            case (.advertisers(let a), .advertisers(let b)): .advertisers(a + b)
            case (.publishers(let a), .publishers(let b)): .publishers(a + b)
            case (.lineItems(let a), .lineItems(let b)): .lineItems(a + b)
            case (.placements(let a), .placements(let b)): .placements(a + b)
            case (.paymentRules(let a), .paymentRules(let b)): .paymentRules(a + b)
            case (.trackers(let a), .trackers(let b)): .trackers(a + b)
            case (.impTrackers(let a), .impTrackers(let b)): .impTrackers(a + b)
            default: all
            }
        }
    }
}
