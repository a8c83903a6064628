/// Advertisers and publishers: the same four Invest fields, told apart by their `Kind`, so an
/// advertiser can never be passed where a publisher is expected.
public struct NamedObject<Kind: NamedObjectKind>: Sendable, Equatable, DescribedObject {
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

    public static var kind: ObjectKind { Kind.objectKind }
    public static var descriptor: ObjectDescriptor<Self> { Kind.descriptor }

    /// The fields both kinds have; `table` is the kind's.
    static func describe(_ kind: ObjectKind, table: String) -> ObjectDescriptor<Self> {
        ObjectDescriptor(kind: kind, table: table, blank: { Self(id: 0, name: "") }, fields: [
            .id(get: { $0.id }, set: { $0.id = $1 }),
            .text("code", rule: .plain(max: InputRule.codeMaxLength), get: { $0.code }, set: { $0.code = $1 }),
            .name(max: 255, get: { $0.name }, set: { $0.name = $1 }),
            .state(get: { $0.state }, set: { $0.state = $1 }),
        ])
    }

    public init(from decoder: Decoder) throws { self = try Self.descriptor.decode(from: decoder) }
    public func encode(to encoder: Encoder) throws { try Self.descriptor.encode(self, to: encoder) }
}

/// Which kind of named object: its envelope keys and its description (a stored property of
/// each kind, not of the generic type, which cannot have one).
public protocol NamedObjectKind: Sendable {
    static var objectKind: ObjectKind { get }
    static var descriptor: ObjectDescriptor<NamedObject<Self>> { get }
}

public enum AdvertiserKind: NamedObjectKind {
    public static let objectKind = ObjectKind.advertiser
    public static let descriptor = NamedObject<AdvertiserKind>.describe(.advertiser, table: "advertiser")
}

public enum PublisherKind: NamedObjectKind {
    public static let objectKind = ObjectKind.publisher
    public static let descriptor = NamedObject<PublisherKind>.describe(.publisher, table: "publisher")
}

/// An advertiser (Invest `advertiser`): owns line items, and through them click trackers.
public typealias Advertiser = NamedObject<AdvertiserKind>
/// A publisher (Invest `publisher`): a tracker's clicks are reported against one.
public typealias Publisher = NamedObject<PublisherKind>
