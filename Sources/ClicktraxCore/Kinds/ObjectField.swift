/// One field of an object kind, described once: its name — Invest's JSON key, which is also the
/// store's column and the CSV file's header — its type, the input rule that judges what an
/// operator enters, and how to read and write it on the model. `ObjectDescriptor` makes the
/// JSON, the CSV, the store's columns and the counts of legacy values from a list of these.
/// A class: a million-row import walks the fields of every row, and handing a field over is
/// then one reference, not a copy of its closures and strings.
public final class ObjectField<Model>: Sendable {
    public enum ValueType: Sendable, Equatable {
        /// The object's own id: required; an object without a usable one cannot be kept.
        case ownID
        /// The id of the object it belongs to (`advertiser_id`, `publisher_id`).
        case parentID(ObjectKind)
        case text
        case whole
        case real
    }

    public let key: String
    public let type: ValueType
    /// Judges what an operator enters; never what Invest holds.
    public let rule: InputRule?
    /// What an absent value means (`state`: active).
    public let absent: FieldValue
    /// A CSV file of the kind must have this column.
    public let requiredColumn: Bool
    public let get: @Sendable (Model) -> FieldValue
    public let set: @Sendable (inout Model, FieldValue) -> Void

    public init(_ key: String, _ type: ValueType, rule: InputRule? = nil, absent: FieldValue = .null, requiredColumn: Bool = false,
                get: @escaping @Sendable (Model) -> FieldValue, set: @escaping @Sendable (inout Model, FieldValue) -> Void) {
        self.key = key
        self.type = type
        self.rule = rule
        self.absent = absent
        self.requiredColumn = requiredColumn
        self.get = get
        self.set = set
    }

    /// The object's id.
    public static func id(get: @escaping @Sendable (Model) -> Int64, set: @escaping @Sendable (inout Model, Int64) -> Void) -> ObjectField {
        ObjectField("id", .ownID, requiredColumn: true, get: { .integer(get($0)) }, set: { set(&$0, $1.integer ?? 0) })
    }

    /// The id of the parent it belongs to.
    public static func parent(_ key: String, _ kind: ObjectKind, requiredColumn: Bool = false,
                              get: @escaping @Sendable (Model) -> Int64?, set: @escaping @Sendable (inout Model, Int64?) -> Void) -> ObjectField {
        ObjectField(key, .parentID(kind), requiredColumn: requiredColumn, get: { FieldValue(get($0)) }, set: { set(&$0, $1.integer) })
    }

    /// The name: required, stored as Invest has it (an absent one as empty text).
    public static func name(max: Int, get: @escaping @Sendable (Model) -> String, set: @escaping @Sendable (inout Model, String) -> Void) -> ObjectField {
        ObjectField("name", .text, rule: .name(max: max), requiredColumn: true, get: { .text(get($0)) }, set: { set(&$0, $1.text ?? "") })
    }

    public static func text(_ key: String, rule: InputRule? = nil, get: @escaping @Sendable (Model) -> String?,
                            set: @escaping @Sendable (inout Model, String?) -> Void) -> ObjectField {
        ObjectField(key, .text, rule: rule, get: { FieldValue(get($0)) }, set: { set(&$0, $1.text) })
    }

    /// A word with a meaning when absent (`state` → active, `pricing_type` → revshare).
    public static func word(_ key: String, words: [String], absent: String, get: @escaping @Sendable (Model) -> String,
                            set: @escaping @Sendable (inout Model, String) -> Void) -> ObjectField {
        ObjectField(key, .text, rule: .words(words), absent: .text(absent), get: { .text(get($0)) }, set: { set(&$0, $1.text ?? absent) })
    }

    /// `active`, `inactive`, or a word of Invest's kept as it is.
    public static func state(get: @escaping @Sendable (Model) -> ObjectState, set: @escaping @Sendable (inout Model, ObjectState) -> Void) -> ObjectField {
        word("state", words: ObjectState.documented.map(\.rawValue), absent: ObjectState.active.rawValue,
             get: { get($0).rawValue }, set: { set(&$0, ObjectState(rawValue: $1)) })
    }

    public static func whole(_ key: String, rule: InputRule? = nil, get: @escaping @Sendable (Model) -> Int?,
                             set: @escaping @Sendable (inout Model, Int?) -> Void) -> ObjectField {
        ObjectField(key, .whole, rule: rule, get: { FieldValue(get($0)) }, set: { set(&$0, $1.integer.map { Int($0) }) })
    }

    public static func real(_ key: String, rule: InputRule? = nil, get: @escaping @Sendable (Model) -> Double?,
                            set: @escaping @Sendable (inout Model, Double?) -> Void) -> ObjectField {
        ObjectField(key, .real, rule: rule, get: { FieldValue(get($0)) }, set: { set(&$0, $1.real) })
    }
}
