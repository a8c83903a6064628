/// Every failure Clicktrax reports to a person. Each says, in one line, what went wrong and where
/// (field, file, line or record), and knows whether it was the input's fault or the operation's.
public enum ClicktraxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A tracker's fields broke the rules; every broken rule is listed.
    case invalid([ValidationIssue])
    /// No object of that kind with that id.
    case notFound(kind: String, id: Int64)
    /// Bad input that is not a tracker field: a file, a line, an argument.
    case badInput(String)
    /// Someone else saved the object since it was read; the save was refused, nothing was lost.
    case conflict(String)
    /// The database or the file system failed, or was not what was expected.
    case operational(String)

    public var description: String {
        switch self {
        case .invalid(let issues):
            issues.map(\.description).joined(separator: "; ")
        case .notFound(let kind, let id):
            "no \(kind) with ID \(id)"
        case .badInput(let message), .conflict(let message), .operational(let message):
            message
        }
    }

    /// The process exit status of RULES.md §6: 2 for bad usage or input, 1 for an operational failure.
    public var exitCode: Int32 {
        switch self {
        case .invalid, .notFound, .badInput: 2
        case .conflict, .operational: 1
        }
    }
}
