/// What an input rule found wrong with a value: the message the operator reads when they type
/// it, and the short category a count of values kept from Invest is grouped by ("code outside
/// Invest's documented characters").
public struct InputProblem: Sendable, Equatable {
    /// e.g. `outside Invest's documented characters`, `longer than 255 characters`.
    public var category: String
    public var message: String

    public init(_ category: String, _ message: String) {
        self.category = category
        self.message = message
    }
}
