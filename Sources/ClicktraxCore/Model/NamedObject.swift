/// Advertisers and publishers: the same four Invest fields, told apart by their `Kind`, so an
/// advertiser can never be passed where a publisher is expected.
public struct NamedObject<Kind: NamedObjectKind>: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var code: String?
    public var name: String
    public var state: ObjectState

    public init(id: Int64, code: String? = nil, name: String, state: ObjectState = .active) {
        self.id = id
        self.code = code
        self.name = name
        self.state = state
    }

    private enum CodingKeys: String, CodingKey { case id, code, name, state }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeID(forKey: .id)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        state = try c.decodeIfPresent(ObjectState.self, forKey: .state) ?? .active
    }

    /// Every field is written, `null` included, as the API does.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(state, forKey: .state)
    }
}

/// Which kind of named object: its envelope keys.
public protocol NamedObjectKind: Sendable {
    static var objectKind: ObjectKind { get }
}

public enum AdvertiserKind: NamedObjectKind { public static let objectKind = ObjectKind.advertiser }
public enum PublisherKind: NamedObjectKind { public static let objectKind = ObjectKind.publisher }

/// An advertiser (Invest `advertiser`): owns line items, and through them click trackers.
public typealias Advertiser = NamedObject<AdvertiserKind>
/// A publisher (Invest `publisher`): a tracker's clicks are reported against one.
public typealias Publisher = NamedObject<PublisherKind>
