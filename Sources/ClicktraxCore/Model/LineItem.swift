/// A line item (Invest `line-item`): what a click tracker's clicks are counted against.
public struct LineItem: Sendable, Equatable, DescribedObject {
    public var id: Int64
    public var code: String?
    public var name: String
    public var state: ObjectState
    public var advertiserId: Int64?
    /// e.g. `standard_v2`, `guaranteed_delivery`.
    public var lineItemType: String?
    /// e.g. `cpm`, `cpc`, `vcpm`.
    public var revenueType: String?
    public var revenueValue: Double?
    /// ISO 4217, e.g. `USD`.
    public var currency: String?
    /// `YYYY-MM-DD HH:MM:SS`, as the API writes it.
    public var startDate: String?
    public var endDate: String?

    public init(
        id: Int64, code: String? = nil, name: String, state: ObjectState = .active,
        advertiserId: Int64? = nil, lineItemType: String? = nil, revenueType: String? = nil,
        revenueValue: Double? = nil, currency: String? = nil, startDate: String? = nil, endDate: String? = nil
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.state = state
        self.advertiserId = advertiserId
        self.lineItemType = lineItemType
        self.revenueType = revenueType
        self.revenueValue = revenueValue
        self.currency = currency
        self.startDate = startDate
        self.endDate = endDate
    }

    public static let kind = ObjectKind.lineItem

    /// A line item's code is the one a tracker's is held to (RULES.md §2): the pickers match it and
    /// it is unique per advertiser.
    public static let descriptor = ObjectDescriptor<LineItem>(kind: .lineItem, table: "line_item", blank: { LineItem(id: 0, name: "") }, fields: [
        .id(get: { $0.id }, set: { $0.id = $1 }),
        .text("code", rule: .investCode, get: { $0.code }, set: { $0.code = $1 }),
        .name(max: 255, get: { $0.name }, set: { $0.name = $1 }),
        .state(get: { $0.state }, set: { $0.state = $1 }),
        .parent("advertiser_id", .advertiser, get: { $0.advertiserId }, set: { $0.advertiserId = $1 }),
        .text("line_item_type", rule: .token, get: { $0.lineItemType }, set: { $0.lineItemType = $1 }),
        .text("revenue_type", rule: .token, get: { $0.revenueType }, set: { $0.revenueType = $1 }),
        .real("revenue_value", get: { $0.revenueValue }, set: { $0.revenueValue = $1 }),
        .text("currency", rule: .currency, get: { $0.currency }, set: { $0.currency = $1 }),
        .text("start_date", rule: .timestamp(dateAlone: true), get: { $0.startDate }, set: { $0.startDate = $1 }),
        .text("end_date", rule: .timestamp(dateAlone: true), get: { $0.endDate }, set: { $0.endDate = $1 }),
    ])

    public init(from decoder: Decoder) throws { self = try Self.descriptor.decode(from: decoder) }
    public func encode(to encoder: Encoder) throws { try Self.descriptor.encode(self, to: encoder) }
}
