/// A placement (Invest API object `tag`, shown as "Placement"): a slot on one publisher's inventory.
public struct Placement: Sendable, Equatable, DescribedObject {
    public var id: Int64
    public var code: String?
    public var name: String
    public var state: ObjectState
    /// Required to keep it; a pulled page's query names it when the object does not.
    public var publisherId: Int64
    public var width: Int?
    public var height: Int?

    public init(
        id: Int64, code: String? = nil, name: String, state: ObjectState = .active,
        publisherId: Int64, width: Int? = nil, height: Int? = nil
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.state = state
        self.publisherId = publisherId
        self.width = width
        self.height = height
    }

    public static let kind = ObjectKind.placement

    public static let descriptor = ObjectDescriptor<Placement>(kind: .placement, table: "placement",
                                                               blank: { Placement(id: 0, name: "", publisherId: 0) }, fields: [
        .id(get: { $0.id }, set: { $0.id = $1 }),
        .text("code", rule: .plain(max: InputRule.codeMaxLength), get: { $0.code }, set: { $0.code = $1 }),
        .name(max: 100, get: { $0.name }, set: { $0.name = $1 }),
        .state(get: { $0.state }, set: { $0.state = $1 }),
        .parent("publisher_id", .publisher, requiredColumn: true, get: { $0.publisherId == 0 ? nil : $0.publisherId },
                set: { $0.publisherId = $1 ?? 0 }),
        .whole("width", rule: .range(0...100_000), get: { $0.width }, set: { $0.width = $1 }),
        .whole("height", rule: .range(0...100_000), get: { $0.height }, set: { $0.height = $1 }),
    ])

    public init(from decoder: Decoder) throws { self = try Self.descriptor.decode(from: decoder) }
    public func encode(to encoder: Encoder) throws { try Self.descriptor.encode(self, to: encoder) }
}
