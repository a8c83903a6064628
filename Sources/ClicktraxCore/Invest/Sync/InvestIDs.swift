import Foundation

/// Trackers created here get an id of this range until Invest gives them theirs: Invest's own ids
/// never come near it, so a tracker pulled later can never collide with one made here, and
/// "created here, not on Invest yet" can be told from the id alone (the lint does, before an
/// export: tags with such an id would count nothing).
public enum InvestIDs {
    public static let provisionalBase: Int64 = 1_000_000_000_000

    public static func isProvisional(_ id: Int64) -> Bool { id >= provisionalBase }

    /// The largest id a JSON number holds exactly (2^53): Invest's ids, and ours, stay within it.
    public static let maxID: Int64 = 1 << 53

    public static func isValid(_ id: Int64) -> Bool { id >= 1 && id <= maxID }

    public static func rangeProblem(_ id: Int64) -> String {
        "must be a whole number from 1 to \(maxID) (got \(id))"
    }
}
