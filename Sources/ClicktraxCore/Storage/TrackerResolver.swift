import GRDB

/// Checks a tracker draft against the catalog inside a write transaction: it looks up what
/// `TrackerReferenceRules` needs to know and applies those rules and `TrackerRules`. Every
/// problem is collected, so the operator sees them all at once.
struct TrackerResolver {
    let db: Database

    /// A draft that passed every check, in the column order of `click_tracker`'s editable fields:
    /// name, code, state, click_url, line_item_id, publisher_id, placement_id, payment_rule_id.
    struct Resolved {
        var columnValues: StatementArguments
    }

    func resolve(_ draft: TrackerDraft, trackerId: Int64?) throws -> Resolved {
        let code = TrackerRules.normalizedCode(draft.code)
        var facts = TrackerReferences()
        if let id = draft.lineItemId { facts.lineItemExists = try exists("line_item", id) }
        if let id = draft.publisherId {
            facts.publisherName = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM publisher WHERE id = ?"), arguments: [id])
        }
        if let id = draft.placementId { facts.placement = try owner(table: "placement", id: id) }
        if let id = draft.paymentRuleId { facts.paymentRule = try owner(table: "payment_rule", id: id) }
        if let code, TrackerRules.codeProblem(code) == nil,
           let holder = try Row.fetchOne(
               db.cachedStatement(sql: "SELECT id, name FROM click_tracker WHERE code = ? COLLATE NOCASE AND id IS NOT ?"),
               arguments: [code, trackerId]) {
            facts.codeHolder = (holder["id"], holder["name"])
        }
        let issues = TrackerRules.check(draft) + TrackerReferenceRules.check(draft, against: facts)
        if !issues.isEmpty { throw ClicktraxError.invalid(issues) }

        let clickUrl = draft.clickUrl.flatMap { $0.isEmpty ? nil : LandingPageURL.normalized($0) }
        return Resolved(columnValues: [
            TrackerRules.normalizedName(draft.name), code, draft.state.rawValue, clickUrl,
            draft.lineItemId, draft.publisherId, draft.placementId, draft.paymentRuleId,
        ])
    }

    private func exists(_ table: String, _ id: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [id]) ?? false
    }

    /// A placement's or payment rule's name and publisher, if it exists.
    private func owner(table: String, id: Int64) throws -> TrackerReferences.Owned? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT x.name, x.publisher_id, p.name AS publisher_name FROM \(table) x JOIN publisher p ON p.id = x.publisher_id WHERE x.id = ?"),
            arguments: [id])
        else { return nil }
        return TrackerReferences.Owned(name: row["name"], publisherId: row["publisher_id"], publisherName: row["publisher_name"])
    }
}
