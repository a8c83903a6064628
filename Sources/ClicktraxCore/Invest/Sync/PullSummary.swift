import Foundation

/// What a pull changed here.
public struct PullSummary: Sendable, Equatable {
    /// Per object kind (`line items`, …): added or changed, and removed.
    public var changed: [String: Int] = [:]
    public var removed: [String: Int] = [:]
    public var trackersUpdated = 0
    public var trackersAdded = 0
    public var trackersRemoved = 0
    /// Trackers that became conflicting (changed on Invest and here).
    public var conflicts: [Int64] = []
    /// Trackers Invest has that could not be stored (their line item was not pulled, say).
    public var skipped: [String] = []
    /// Objects Invest sent that could not be kept at all (no usable id, a value past the cap).
    public var skippedObjects: [String] = []
    /// Values left empty: Invest sent something that is not of the field's type.
    public var leftEmpty: [String] = []
    /// What was kept as Invest has it but would not be accepted if typed.
    public var legacy = LegacyValues()
    /// Trackers made here that moved to the provisional range (connecting, or their id is Invest's).
    public var renumbered: [Renumbering] = []
    /// Trackers made here whose push was cut after Invest stored them: they took Invest's id.
    public var adopted: [Renumbering] = []

    /// `12 line items, 1 placements` (the catalog kinds in their order), or nil when none.
    public var changedCatalog: String? { Self.listed(changed) }
    public var removedCatalog: String? { Self.listed(removed) }

    static let kinds = ["advertisers", "line items", "publishers", "placements", "payment rules"]

    static func listed(_ counts: [String: Int]) -> String? {
        let parts = kinds.compactMap { kind in counts[kind].map { "\($0.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) \(kind)" } }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    public struct Renumbering: Sendable, Equatable {
        public var from: Int64
        public var to: Int64
    }

    public init() {}
}
