/// How a payment rule prices what a publisher is paid: `revshare`, `cpm` or `dynamic` as Invest
/// documents them, or a word of Invest's kept as it is (RULES.md §10).
public struct PricingType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let revshare = PricingType(rawValue: "revshare")
    public static let cpm = PricingType(rawValue: "cpm")
    public static let dynamic = PricingType(rawValue: "dynamic")
    public static let documented: [PricingType] = [.revshare, .cpm, .dynamic]

    public var description: String { rawValue }
}

/// A payment rule (Invest `payment-rule`): belongs to one publisher.
///
/// The API's JSON carries no publisher id — it scopes rules by query string
/// (`/payment-rule?publisher_id=`) — so `publisherId` is optional when decoding and an
/// import must be told the publisher. Clicktrax writes it out so its own exports read back.
public struct PaymentRule: Sendable, Equatable, DescribedObject {
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

    public static let kind = ObjectKind.paymentRule

    public static let descriptor = ObjectDescriptor<PaymentRule>(kind: .paymentRule, table: "payment_rule",
                                                                 blank: { PaymentRule(id: 0, name: "", publisherId: nil) }, fields: [
        .id(get: { $0.id }, set: { $0.id = $1 }),
        .text("code", rule: .plain(max: InputRule.codeMaxLength), get: { $0.code }, set: { $0.code = $1 }),
        .name(max: 255, get: { $0.name }, set: { $0.name = $1 }),
        .state(get: { $0.state }, set: { $0.state = $1 }),
        .parent("publisher_id", .publisher, get: { $0.publisherId }, set: { $0.publisherId = $1 }),
        .word("pricing_type", words: PricingType.documented.map(\.rawValue), absent: PricingType.revshare.rawValue,
              get: { $0.pricingType.rawValue }, set: { $0.pricingType = PricingType(rawValue: $1) }),
        .real("cost_cpm", rule: .range(0...Double.greatestFiniteMagnitude), get: { $0.costCpm }, set: { $0.costCpm = $1 }),
        .real("revshare", rule: .range(0...1), get: { $0.revshare }, set: { $0.revshare = $1 }),
        .whole("priority", rule: .range(1...10), get: { $0.priority }, set: { $0.priority = $1 }),
    ])

    public init(from decoder: Decoder) throws { self = try Self.descriptor.decode(from: decoder) }
    public func encode(to encoder: Encoder) throws { try Self.descriptor.encode(self, to: encoder) }
}
