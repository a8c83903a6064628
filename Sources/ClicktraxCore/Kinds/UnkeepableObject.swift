/// Why an object from Invest (a pulled page, an imported API page) cannot be kept at all: it has
/// no id Clicktrax can store, or a value past `InvestValues.maxTextBytes`. Everything else is
/// stored as Invest has it (RULES.md §10); such an object is skipped, named, and the rest go on.
public struct UnkeepableObject: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field at fault (`id`, `name`, `line_item.id`).
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}
