/// A line item (Invest `line-item`): what a click tracker's clicks are counted against.
public struct LineItem: Codable, Sendable, Equatable, Identifiable {
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

    private enum CodingKeys: String, CodingKey {
        case id, code, name, state
        case advertiserId = "advertiser_id"
        case lineItemType = "line_item_type"
        case revenueType = "revenue_type"
        case revenueValue = "revenue_value"
        case currency
        case startDate = "start_date"
        case endDate = "end_date"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeID(forKey: .id)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        state = try c.decodeIfPresent(ObjectState.self, forKey: .state) ?? .active
        advertiserId = try c.decodeIDIfPresent(forKey: .advertiserId)
        lineItemType = try c.decodeIfPresent(String.self, forKey: .lineItemType)
        revenueType = try c.decodeIfPresent(String.self, forKey: .revenueType)
        revenueValue = try c.decodeIfPresent(Double.self, forKey: .revenueValue)
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        startDate = try c.decodeIfPresent(String.self, forKey: .startDate)
        endDate = try c.decodeIfPresent(String.self, forKey: .endDate)
    }

    /// Every field is written, `null` included, as the API does.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(state, forKey: .state)
        try c.encode(advertiserId, forKey: .advertiserId)
        try c.encode(lineItemType, forKey: .lineItemType)
        try c.encode(revenueType, forKey: .revenueType)
        try c.encode(revenueValue, forKey: .revenueValue)
        try c.encode(currency, forKey: .currency)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(endDate, forKey: .endDate)
    }
}
