import Foundation

/// What a pull changed here.
public struct PullSummary: Sendable, Equatable {
    /// Per object kind (`line items`, …): added or changed, and removed.
    public var changed: [String: Int] = [:]
    public var removed: [String: Int] = [:]
    /// Per kind of tracker: added, updated, removed, conflicting, renumbered, adopted.
    public var clickTrackers = TrackerPullCounts()
    public var impTrackers = TrackerPullCounts()
    /// Trackers Invest has that could not be stored (their line item was not pulled, say).
    public var skipped: [String] = []
    /// Objects Invest sent that could not be kept at all (no usable id, a value past the cap).
    public var skippedObjects: [String] = []
    /// Values left empty: Invest sent something that is not of the field's type.
    public var leftEmpty: [String] = []
    /// What was kept as Invest has it but would not be accepted if typed.
    public var legacy = LegacyValues()

    public subscript(kind: TrackerKind) -> TrackerPullCounts {
        get { kind == .click ? clickTrackers : impTrackers }
        set { if kind == .click { clickTrackers = newValue } else { impTrackers = newValue } }
    }

    /// `12 line items, 1 placements` (the catalog kinds in their order), or nil when none.
    public var changedCatalog: String? { Self.listed(changed) }
    public var removedCatalog: String? { Self.listed(removed) }

    static let kinds = ["advertisers", "line items", "publishers", "placements", "payment rules"]

    static func listed(_ counts: [String: Int]) -> String? {
        let parts = kinds.compactMap { kind in counts[kind].map { "\($0.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) \(kind)" } }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    public init() {}
}
