/// A placement (Invest API object `tag`, shown as "Placement"): a slot on one publisher's inventory.
public struct Placement: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var code: String?
    public var name: String
    public var state: ObjectState
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

    private enum CodingKeys: String, CodingKey {
        case id, code, name, state
        case publisherId = "publisher_id"
        case width, height
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeID(forKey: .id)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        state = try c.decodeIfPresent(ObjectState.self, forKey: .state) ?? .active
        publisherId = try c.decodeID(forKey: .publisherId)
        width = try c.decodeIfPresent(Int.self, forKey: .width)
        height = try c.decodeIfPresent(Int.self, forKey: .height)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(state, forKey: .state)
        try c.encode(publisherId, forKey: .publisherId)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
    }
}
