import Foundation
import GRDB

/// Values kept as Invest has them that break an input rule (`LegacyValues`), found with one
/// scan per table: SQLite picks the rows that might break a rule — a superset, cheap to test in
/// SQL (a character outside printable ASCII, a length past the limit) — and the rule itself
/// (`InputRule.problem`) judges each of those. A catalog of a million plain names costs one pass
/// of the table and no Swift per row.
extension SQLiteStore {
    public func legacyValues() throws -> LegacyValues {
        try read { db in try Self.legacyValues(db, staged: false) }
    }

    /// Of the stored catalog and trackers, or (`staged`) of what a pull staged.
    static func legacyValues(_ db: Database, staged: Bool) throws -> LegacyValues {
        var found = LegacyValues()
        let prefix = staged ? "invest_stage_" : ""
        try scan(db, .advertiser, table: prefix + "advertiser", Advertiser.descriptor.fields, into: &found)
        try scan(db, .publisher, table: prefix + "publisher", Publisher.descriptor.fields, into: &found)
        try scan(db, .lineItem, table: prefix + "line_item", LineItem.descriptor.fields, into: &found)
        try scan(db, .placement, table: prefix + "placement", Placement.descriptor.fields, into: &found)
        try scan(db, .paymentRule, table: prefix + "payment_rule", PaymentRule.descriptor.fields, into: &found)
        for tables in TrackerTables.all {
            if staged {
                // Staged trackers are Invest's JSON; there are few of them.
                let rows = try Row.fetchCursor(db, sql: "SELECT json FROM \(tables.staged) ORDER BY id")
                while let row = try rows.next() {
                    let tracker = try investTracker(json: row[0], in: tables)
                    for field in Tracker.inputFields {
                        if let problem = field.rule?.problem(field.get(tracker)) {
                            found.add(tables.kind.objectKind, id: tracker.id, field: field.key, category: problem.category)
                        }
                    }
                }
            } else {
                try scan(db, tables.kind.objectKind, table: tables.trackers, Tracker.inputFields, into: &found)
            }
        }
        found.sort()
        return found
    }

    private static func scan<M>(_ db: Database, _ kind: ObjectKind, table: String, _ fields: [ObjectField<M>],
                                into found: inout LegacyValues) throws {
        let ruled = fields.filter { $0.rule != nil }
        guard !ruled.isEmpty else { return }
        let columns = ruled.map(\.key).joined(separator: ", ")
        let candidates = ruled.map { candidate($0.rule!, column: $0.key) }.joined(separator: " OR ")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, \(columns) FROM \(table) WHERE \(candidates)")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            for (index, field) in ruled.enumerated() {
                let stored = FieldValue.fromDatabaseValue(row[index + 1]) ?? .null
                if let problem = field.rule?.problem(stored.isNull ? field.absent : stored) {
                    found.add(kind, id: id, field: field.key, category: problem.category)
                }
            }
        }
    }

    /// The rows that might break `rule`: every row that does, and some that do not.
    static func candidate(_ rule: InputRule, column c: String) -> String {
        // Any character outside printable ASCII, a line break included (GLOB compares characters).
        let unusual = "\(c) GLOB '*[^ -~]*'"
        switch rule {
        case .name(let max): return "(length(\(c)) > \(max) OR \(unusual) OR trim(\(c)) = '')"
        case .investCode: return "(\(c) IS NOT NULL AND (length(\(c)) > \(TrackerRules.codeMaxLength) OR \(c) GLOB '*[^A-Za-z0-9._-]*'))"
        case .plain(let max): return "(\(c) IS NOT NULL AND (length(\(c)) > \(max) OR \(unusual)))"
        case .token: return "(\(c) IS NOT NULL AND (\(c) = '' OR length(\(c)) > 64 OR \(c) GLOB '*[^A-Za-z0-9_-]*'))"
        case .currency: return "(\(c) IS NOT NULL AND NOT \(c) GLOB '[A-Za-z][A-Za-z][A-Za-z]')"
        case .timestamp(let dateAlone):
            // SQLite's date() and time() give back another text for a day or time that does not
            // exist (2024-02-30 → 2024-03-01, 25:00:00 → NULL): the shape and the values at once.
            let date = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            let full = "(length(\(c)) = 19 AND \(c) GLOB '\(date) [0-9][0-9]:[0-9][0-9]:[0-9][0-9]' "
                + "AND date(substr(\(c), 1, 10)) IS substr(\(c), 1, 10) AND time(substr(\(c), 12)) IS substr(\(c), 12))"
            let alone = dateAlone ? " OR (length(\(c)) = 10 AND \(c) GLOB '\(date)' AND date(\(c)) IS \(c))" : ""
            return "(\(c) IS NOT NULL AND NOT (\(full)\(alone)))"
        case .range(let bounds):
            let above = bounds.upperBound == .greatestFiniteMagnitude ? "" : " OR \(c) > \(bounds.upperBound)"
            return "(\(c) IS NOT NULL AND (\(c) < \(bounds.lowerBound)\(above) OR typeof(\(c)) NOT IN ('integer', 'real')))"
        case .words(let words):
            return "(\(c) NOT IN (\(words.map { "'\($0)'" }.joined(separator: ", "))))"
        case .landingPage:
            // Its rule has many parts (scheme, host, port, user part): trackers are few, every
            // landing page is judged.
            return "(\(c) IS NOT NULL)"
        }
    }
}
