import Foundation

/// An object kind described once (issue 29, "one kind, one place"): its fields in the order of
/// its CSV columns, each with its JSON key (also the store's column and the CSV header), type,
/// input rule and model accessors. From it come the kind's JSON — read as Invest sends it,
/// written as the API writes it — its CSV, the store's columns, and the rules: input rules for
/// what the operator changes, and the count of values kept from Invest that break them.
public struct ObjectDescriptor<Model: Sendable>: Sendable {
    public let kind: ObjectKind
    /// The store's table (`line_item`).
    public let table: String
    public let fields: [ObjectField<Model>]
    /// A model with every field empty, for decoding into.
    let blank: @Sendable () -> Model
    private let codingKeys: [DynamicKey]
    /// The fields in the order JSONEncoder's sorted keys put them (by their bytes).
    private let sorted: [ObjectField<Model>]

    public init(kind: ObjectKind, table: String, blank: @escaping @Sendable () -> Model, fields: [ObjectField<Model>]) {
        self.kind = kind
        self.table = table
        self.blank = blank
        self.fields = fields
        codingKeys = fields.map { DynamicKey($0.key) }
        sorted = fields.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    }

    /// The fields' keys, in order: the CSV header, the store's columns.
    public var keys: [String] { fields.map(\.key) }

    public func field(_ key: String) -> ObjectField<Model>? { fields.first { $0.key == key } }

    public func values(_ model: Model) -> [FieldValue] { fields.map { $0.get(model) } }

    /// A model from values in the fields' order (a row of the store's columns).
    public func model(_ values: [FieldValue]) -> Model {
        var model = blank()
        for (field, value) in zip(fields, values) { field.set(&model, value) }
        return model
    }

    // MARK: - JSON

    /// Reads an object as Invest sends it (`InvestValues`): numbers as numeric strings, any text,
    /// words outside the vocabulary, unknown fields ignored. Throws `UnkeepableObject` only for
    /// what cannot be kept (no usable id, a value past the cap); what is left empty is noted.
    public func decode(from decoder: Decoder) throws -> Model {
        let c = try decoder.container(keyedBy: DynamicKey.self)
        let notes = decoder.investNotes
        var model = blank()
        for (field, key) in zip(fields, codingKeys) {
            let value: FieldValue
            switch field.type {
            case .ownID: value = .integer(try c.investID(forKey: key))
            case .parentID: value = FieldValue(try c.investOptionalID(forKey: key, notes: notes))
            case .text: value = FieldValue(try c.investText(forKey: key, notes: notes))
            case .whole: value = FieldValue(try c.investWhole(forKey: key, notes: notes))
            case .real: value = FieldValue(try c.investNumber(forKey: key, notes: notes))
            }
            field.set(&model, value.isNull ? field.absent : value)
        }
        return model
    }

    /// Every field, `null` included, as the API writes it.
    public func encode(_ model: Model, to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DynamicKey.self)
        for (field, key) in zip(fields, codingKeys) {
            switch field.get(model) {
            case .null: try c.encodeNil(forKey: key)
            case .text(let value): try c.encode(value, forKey: key)
            case .integer(let value): try c.encode(value, forKey: key)
            case .real(let value): try c.encode(value, forKey: key)
            }
        }
    }

    /// The same bytes `encode` gives through the envelope's JSONEncoder, without it.
    public func writePrettyJSON(_ model: Model, _ json: inout PrettyJSON) {
        json.beginObject()
        for field in sorted { json.field(field.key, field.get(model)) }
        json.endObject()
    }

    // MARK: - CSV

    public func csvFields(_ model: Model) -> [String?] { fields.map { $0.get(model).csvText } }

    // MARK: - Rules

    /// The input rules broken by the fields `model` sets differently from `old` (every field of a
    /// new object): what the operator changed is judged, what Invest held is left as it is.
    public func inputProblems(_ model: Model, comparedWith old: Model?) -> [(field: String, problem: InputProblem)] {
        var found: [(String, InputProblem)] = []
        for field in fields {
            guard let rule = field.rule else { continue }
            let value = field.get(model)
            if let old, field.get(old) == value { continue }
            if let problem = rule.problem(value) { found.append((field.key, problem)) }
        }
        return found
    }

    /// Every input rule the object breaks: for an object kept as Invest has it, what would not be
    /// accepted if it were typed (`LegacyValues`).
    public func legacyProblems(_ model: Model) -> [(field: String, problem: InputProblem)] {
        inputProblems(model, comparedWith: nil)
    }
}

/// A model whose kind is described by an `ObjectDescriptor`.
public protocol DescribedObject: InvestObject, CSVRepresentable, PrettyJSONRepresentable, Identifiable where ID == Int64 {
    static var descriptor: ObjectDescriptor<Self> { get }
}

extension DescribedObject {
    public static var csvHeader: [String] { descriptor.keys }
    public var csvFields: [String?] { Self.descriptor.csvFields(self) }
    public func writePrettyJSON(_ json: inout PrettyJSON) { Self.descriptor.writePrettyJSON(self, &json) }
}
