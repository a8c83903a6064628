/// One thing wrong with an import file: where (file, and line for CSV or record index and
/// field for JSON) and what was expected.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// `line 12` (CSV) or `record 3` (JSON, 0-based as in the page), nil for the whole file.
    public var place: String?
    public var field: String?
    public var message: String

    public init(file: String, place: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.place = place
        self.field = field
        self.message = message
    }

    public var description: String {
        [file, place, field].compactMap { $0 }.joined(separator: ": ") + ": " + message
    }
}

/// What an import did, or would do with `--dry-run`: per kind, how many were created, updated
/// and unchanged.
public struct ImportSummary: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var created = 0, updated = 0, unchanged = 0
        public var total: Int { created + updated + unchanged }
    }

    public var counts: [ObjectKind: Counts] = [:]
    public var files = 0
    /// Objects of Invest's pages that could not be kept (no usable id, a value past the cap),
    /// each named with its file: the rest were imported.
    public var skipped: [String] = []
    /// Values of Invest's pages kept as they are that would not be accepted if typed.
    public var legacy = LegacyValues()
    /// Values of Invest's pages left empty, not being of their field's type, each with its file.
    public var leftEmpty: [String] = []
    /// The change-log entries the import wrote (its trackers created and changed), in order: what
    /// undoes it, when it changed nothing else.
    public var trackerChanges: [Int64] = []

    /// Whether it changed the catalog (line items, publishers…), which has no change log.
    public var changedTheCatalog: Bool {
        counts.contains { $0.key != .clickTracker && $0.value.created + $0.value.updated > 0 }
    }

    public init() {}

    mutating func count(_ kind: ObjectKind, _ outcome: UpsertOutcome) {
        var current = counts[kind] ?? Counts()
        switch outcome {
        case .created: current.created += 1
        case .updated: current.updated += 1
        case .unchanged: current.unchanged += 1
        }
        counts[kind] = current
    }

    /// One line per kind that had records, in dependency order.
    public var lines: [String] {
        ObjectKind.importOrder.compactMap { kind in
            guard let c = counts[kind], c.total > 0 else { return nil }
            return "\(kind.pluralKey): \(c.created) created, \(c.updated) updated, \(c.unchanged) unchanged"
        }
    }
}

enum UpsertOutcome { case created, updated, unchanged }

extension ObjectKind {
    /// Parents before children.
    public static let importOrder: [ObjectKind] = [.advertiser, .publisher, .lineItem, .placement, .paymentRule, .clickTracker]
}
