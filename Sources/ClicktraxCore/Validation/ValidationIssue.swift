/// One thing wrong with a tracker an operator filled in: which field, and what was expected.
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    public var field: TrackerField
    /// Says what was expected, and what was given where that helps: "must be … (got …)".
    public var message: String

    public init(_ field: TrackerField, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field.label): \(message)" }
}
