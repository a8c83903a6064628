/// Whether an Invest object is in use. Every object kind has one; new objects are active.
///
/// Invest documents `active` and `inactive`, but a member's catalog is years of objects made
/// through many tools: a word outside those two is kept as Invest has it (RULES.md §10) — it is
/// not active, and only what the operator types is held to the two documented words.
public struct ObjectState: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let active = ObjectState(rawValue: "active")
    public static let inactive = ObjectState(rawValue: "inactive")
    /// The words an operator may set.
    public static let documented: [ObjectState] = [.active, .inactive]

    /// `active` or `inactive`, whatever the case (`Active` from a spreadsheet), else nil.
    public init?(typed text: String) {
        switch text.lowercased() {
        case "active": self = .active
        case "inactive": self = .inactive
        default: return nil
        }
    }

    public var isDocumented: Bool { self == .active || self == .inactive }

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
