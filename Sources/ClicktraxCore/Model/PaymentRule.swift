/// How a payment rule prices what a publisher is paid.
public enum PricingType: String, Codable, Sendable, CaseIterable {
    case revshare
    case cpm
    case dynamic
}

/// A payment rule (Invest `payment-rule`): belongs to one publisher.
///
/// The API's JSON carries no publisher id — it scopes rules by query string
/// (`/payment-rule?publisher_id=`) — so `publisherId` is optional when decoding and an
/// import must be told the publisher. Clicktrax writes it out so its own exports read back.
public struct PaymentRule: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var code: String?
    public var name: String
    public var state: ObjectState
    public var publisherId: Int64?
    public var pricingType: PricingType
    public var costCpm: Double?
    /// The publisher's share, 0…1.
    public var revshare: Double?
    /// 1…10; the higher applies first.
    public var priority: Int?

    public init(
        id: Int64, code: String? = nil, name: String, state: ObjectState = .active,
        publisherId: Int64?, pricingType: PricingType = .revshare, costCpm: Double? = nil,
        revshare: Double? = nil, priority: Int? = nil
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.state = state
        self.publisherId = publisherId
        self.pricingType = pricingType
        self.costCpm = costCpm
        self.revshare = revshare
        self.priority = priority
    }

    private enum CodingKeys: String, CodingKey {
        case id, code, name, state
        case publisherId = "publisher_id"
        case pricingType = "pricing_type"
        case costCpm = "cost_cpm"
        case revshare, priority
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeID(forKey: .id)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        state = try c.decodeIfPresent(ObjectState.self, forKey: .state) ?? .active
        publisherId = try c.decodeIDIfPresent(forKey: .publisherId)
        pricingType = try c.decodeIfPresent(PricingType.self, forKey: .pricingType) ?? .revshare
        costCpm = try c.decodeIfPresent(Double.self, forKey: .costCpm)
        revshare = try c.decodeIfPresent(Double.self, forKey: .revshare)
        priority = try c.decodeIfPresent(Int.self, forKey: .priority)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(state, forKey: .state)
        try c.encode(publisherId, forKey: .publisherId)
        try c.encode(pricingType, forKey: .pricingType)
        try c.encode(costCpm, forKey: .costCpm)
        try c.encode(revshare, forKey: .revshare)
        try c.encode(priority, forKey: .priority)
    }
}
