/// One field's value, whatever the kind: what the descriptors (`ObjectDescriptor`) move between
/// a model, Invest's JSON, a CSV cell and a store column.
public enum FieldValue: Sendable, Hashable {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public var integer: Int64? {
        switch self {
        case .integer(let value): value
        case .real(let value) where value == value.rounded() && abs(value) < 9e15: Int64(value)
        default: nil
        }
    }

    public var real: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    public var isNull: Bool { self == .null }

    /// As a CSV cell writes it (nil: an empty cell). A real keeps Swift's spelling (`2.0`), as
    /// the listings always wrote it.
    public var csvText: String? {
        switch self {
        case .null: nil
        case .text(let value): value
        case .integer(let value): String(value)
        case .real(let value): String(value)
        }
    }

    public init(_ value: String?) { self = value.map(FieldValue.text) ?? .null }
    public init(_ value: Int64?) { self = value.map(FieldValue.integer) ?? .null }
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    public init(_ value: Double?) { self = value.map(FieldValue.real) ?? .null }
}
