import GRDB

/// A field's value in and out of a column: the descriptors' values are SQLite's own storage
/// classes (NULL, INTEGER, REAL, TEXT).
extension FieldValue: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .text(let value): value.databaseValue
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        }
    }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> FieldValue? {
        switch dbValue.storage {
        case .null, .blob: .null
        case .int64(let value): .integer(value)
        case .double(let value): .real(value)
        case .string(let value): .text(value)
        }
    }
}

extension ObjectDescriptor {
    /// `SELECT id, code, … FROM table`: the fields' columns in their order, for `model(from:)`.
    var selectSQL: String { "SELECT \(keys.joined(separator: ", ")) FROM \(table)" }

    /// A model from a row whose first columns are the fields' (`selectSQL`), read by position.
    func model(from row: Row) -> Model {
        var model = blank()
        for (index, field) in fields.enumerated() {
            let stored: DatabaseValue = row[index]
            let value = FieldValue.fromDatabaseValue(stored) ?? .null
            field.set(&model, value.isNull ? field.absent : value)
        }
        return model
    }

    /// The model's values as statement arguments, in the fields' order.
    func arguments(_ model: Model) -> StatementArguments {
        StatementArguments(fields.map { $0.get(model) })
    }
}
