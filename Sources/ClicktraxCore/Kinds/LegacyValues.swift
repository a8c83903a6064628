import Foundation

/// What was kept as Invest has it but would not be accepted if typed (RULES.md §10, "said once"):
/// per kind, field and what is wrong, how many objects and which. The pull's summary counts
/// the objects it brought; `invest status` counts everything stored.
public struct LegacyValues: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public var kind: ObjectKind
        public var field: String
        /// e.g. `outside Invest's documented characters`.
        public var category: String
        public var count: Int
        /// The objects' ids, ascending, the first `LegacyValues.listedIds` of them.
        public var ids: [Int64]

        /// `12 line items: code outside Invest's documented characters`.
        public var line: String {
            "\(count.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) "
                + "\(count == 1 ? kind.noun : kind.pluralNoun): \(field) \(category)"
        }
    }

    /// Ids kept per group: enough to find them, bounded on a catalog where thousands share one.
    public static let listedIds = 10_000

    public private(set) var groups: [Group] = []

    public init() {}

    public var isEmpty: Bool { groups.isEmpty }

    /// One line per group, kinds in the order of the catalog's tree.
    public var lines: [String] { groups.map(\.line) }

    /// Adds one object's problem with one field.
    public mutating func add(_ kind: ObjectKind, id: Int64, field: String, category: String) {
        if let index = groups.firstIndex(where: { $0.kind == kind && $0.field == field && $0.category == category }) {
            groups[index].count += 1
            if groups[index].ids.count < Self.listedIds { groups[index].ids.append(id) }
        } else {
            groups.append(Group(kind: kind, field: field, category: category, count: 1, ids: [id]))
        }
    }

    /// Adds another count's groups (another file's).
    public mutating func merge(_ other: LegacyValues) {
        for group in other.groups {
            if let index = groups.firstIndex(where: { $0.kind == group.kind && $0.field == group.field && $0.category == group.category }) {
                groups[index].count += group.count
                groups[index].ids += group.ids.prefix(max(0, Self.listedIds - groups[index].ids.count))
            } else {
                groups.append(group)
            }
        }
    }

    /// Groups in the order of the kinds' tree, then field and category; ids ascending.
    public mutating func sort() {
        let order = Dictionary(uniqueKeysWithValues: ObjectKind.importOrder.enumerated().map { ($1, $0) })
        for index in groups.indices { groups[index].ids.sort() }
        groups.sort { ((order[$0.kind] ?? 0), $0.field, $0.category) < ((order[$1.kind] ?? 0), $1.field, $1.category) }
    }
}

extension ObjectKind {
    /// In a count: `line items`, `trackers`.
    public var pluralNoun: String { noun == "tracker" ? "trackers" : noun + "s" }
}
