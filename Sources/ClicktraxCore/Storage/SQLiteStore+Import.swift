import Foundation
import GRDB

extension SQLiteStore {
    /// Imports records in one transaction: parents first whatever the files' order, each record
    /// upserted by id and checked (fields, references, codes) against the database and the rest
    /// of the import. Any problem and nothing is written; `dryRun` does everything and then
    /// writes nothing either. Returns what was (or would be) created, updated and unchanged.
    public func importRecords(_ records: [ImportRecord], dryRun: Bool) throws -> ImportSummary {
        var summary = ImportSummary()
        var problems: [ImportProblem] = []
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "PRAGMA cache_size = -131072")
                    let importer = SQLiteImporter(db: db, store: self)
                    let ordered = ObjectKind.importOrder.flatMap { kind in records.lazy.filter { $0.kind == kind } }
                    for record in ordered {
                        do {
                            summary.count(record.kind, try importer.upsert(record))
                        } catch let problem as ImportProblem {
                            problems.append(problem)
                        } catch ClicktraxError.invalid(let issues) {
                            problems += issues.map { record.problem($0.field.apiName, $0.message) }
                        }
                    }
                    try db.execute(sql: "PRAGMA cache_size = -2000")
                    return dryRun || !problems.isEmpty ? .rollback : .commit
                }
            }
        } catch let error as DatabaseError {
            throw Self.describe(error, path: writer.path)
        }
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        return summary
    }
}

/// An import that was refused, with every problem found.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]
    public static let listed = 20

    public var description: String {
        var lines = problems.prefix(Self.listed).map(\.description)
        if problems.count > Self.listed { lines.append("… and \(problems.count - Self.listed) more problems") }
        return "import refused, nothing was written: \(problems.count) problem\(problems.count == 1 ? "" : "s")\n" + lines.joined(separator: "\n")
    }
}

/// Upserts one record at a time inside the import's transaction, and says what it did.
struct SQLiteImporter {
    let db: Database
    let store: SQLiteStore

    func upsert(_ record: ImportRecord) throws -> UpsertOutcome {
        let loader = SQLiteCatalogLoader(db: db, store: store)
        switch record.object {
        case .advertiser(let advertiser):
            try checkName(advertiser.name, max: 255, record)
            return try outcome("advertiser", advertiser.id, [advertiser.code, advertiser.name, advertiser.state.rawValue],
                               columns: ["code", "name", "state"]) { try loader.add(advertiser) }
        case .publisher(let publisher):
            try checkName(publisher.name, max: 255, record)
            return try outcome("publisher", publisher.id, [publisher.code, publisher.name, publisher.state.rawValue],
                               columns: ["code", "name", "state"]) { try loader.add(publisher) }
        case .lineItem(let item):
            try checkName(item.name, max: 255, record)
            if let code = item.code {
                if let problem = TrackerRules.codeProblem(code) { throw record.problem("code", problem) }
                if let holder = try Int64.fetchOne(
                    db, sql: "SELECT id FROM line_item WHERE code = ? COLLATE NOCASE AND advertiser_id IS ? AND id <> ?",
                    arguments: [code, item.advertiserId, item.id]) {
                    throw record.problem("code", "“\(code)” is already the code of line item \(holder) of the same advertiser")
                }
            }
            if let advertiser = item.advertiserId, try !exists("advertiser", advertiser) {
                throw record.problem("advertiser_id", "no advertiser \(advertiser) in the database or in this import")
            }
            return try outcome(
                "line_item", item.id,
                [item.code, item.name, item.state.rawValue, item.advertiserId, item.lineItemType, item.revenueType, item.revenueValue,
                 item.currency, item.startDate, item.endDate],
                columns: ["code", "name", "state", "advertiser_id", "line_item_type", "revenue_type", "revenue_value", "currency",
                          "start_date", "end_date"]) { try loader.add(item) }
        case .placement(let placement):
            try checkName(placement.name, max: 100, record)
            if try !exists("publisher", placement.publisherId) {
                throw record.problem("publisher_id", "no publisher \(placement.publisherId) in the database or in this import")
            }
            return try outcome(
                "placement", placement.id,
                [placement.code, placement.name, placement.state.rawValue, placement.publisherId, placement.width, placement.height],
                columns: ["code", "name", "state", "publisher_id", "width", "height"]) { try loader.add(placement) }
        case .paymentRule(let rule):
            try checkName(rule.name, max: 255, record)
            if let share = rule.revshare, !(0...1).contains(share) { throw record.problem("revshare", "expected 0 to 1 (got \(share))") }
            if let priority = rule.priority, !(1...10).contains(priority) {
                throw record.problem("priority", "expected 1 to 10 (got \(priority))")
            }
            if let publisher = rule.publisherId, try !exists("publisher", publisher) {
                throw record.problem("publisher_id", "no publisher \(publisher) in the database or in this import")
            }
            return try outcome(
                "payment_rule", rule.id,
                [rule.code, rule.name, rule.state.rawValue, rule.publisherId, rule.pricingType.rawValue, rule.costCpm, rule.revshare, rule.priority],
                columns: ["code", "name", "state", "publisher_id", "pricing_type", "cost_cpm", "revshare", "priority"]) { try loader.add(rule) }
        case .tracker(let full, let draft, let id, let memberId):
            return try upsertTracker(full, draft: draft, id: id, memberId: memberId, loader: loader)
        }
    }

    func upsertTracker(_ full: ClickTracker?, draft: TrackerDraft, id: Int64?, memberId: Int64?, loader: SQLiteCatalogLoader) throws -> UpsertOutcome {
        if let id, let existing = try SQLiteStore.fetchTracker(db, id: id) {
            let sameMember = memberId == nil || memberId == existing.memberId
            if existing.draft == TrackerDraft(name: TrackerRules.normalizedName(draft.name), code: TrackerRules.normalizedCode(draft.code),
                                              state: draft.state, clickUrl: draft.clickUrl, lineItemId: draft.lineItemId,
                                              publisherId: draft.publisherId, placementId: draft.placementId,
                                              paymentRuleId: draft.paymentRuleId), sameMember {
                return .unchanged
            }
        }
        let existed = try id.map { try SQLiteStore.fetchTracker(db, id: $0) != nil } ?? false
        var tracker = full ?? ClickTracker(id: 0, name: "", lineItem: ObjectRef(id: 0, name: ""), publisher: ObjectRef(id: 0, name: ""), lastModified: "")
        tracker.id = try id ?? (Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM click_tracker") ?? 1)
        tracker.name = draft.name
        tracker.code = draft.code
        tracker.state = draft.state
        tracker.clickUrl = draft.clickUrl
        tracker.lineItem.id = draft.lineItemId ?? 0
        tracker.publisher.id = draft.publisherId ?? 0
        tracker.tag = draft.placementId.map { ObjectRef(id: $0, name: "") }
        tracker.paymentRule = draft.paymentRuleId.map { ObjectRef(id: $0, name: "") }
        if let memberId { tracker.memberId = memberId }
        if full == nil { tracker.lastModified = "" }
        try loader.add(tracker)
        return existed ? .updated : .created
    }

    private func checkName(_ name: String, max: Int, _ record: ImportRecord) throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw record.problem("name", "required") }
        if trimmed.count > max { throw record.problem("name", "at most \(max) characters (got \(trimmed.count))") }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw record.problem("name", "must not contain control characters")
        }
    }

    private func exists(_ table: String, _ id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id]) ?? false
    }

    /// Created, updated or unchanged, judged by the stored row's values for `columns`.
    private func outcome(_ table: String, _ id: Int64, _ values: [(any DatabaseValueConvertible)?], columns: [String],
                         write: () throws -> Void) throws -> UpsertOutcome {
        let statement = try db.cachedStatement(sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else {
            try write()
            return .created
        }
        let same = zip(columns.indices, values).allSatisfy { index, value in
            row[index] as DatabaseValue == (value?.databaseValue ?? .null)
        }
        if same { return .unchanged }
        try write()
        return .updated
    }
}
