import GRDB

/// Checks a tracker draft against the catalog inside a write transaction: the field rules of
/// `TrackerRules`, then that the line item and publisher exist, that the placement and payment
/// rule exist and belong to that publisher, and that the code is free. Every problem is
/// collected, so the operator sees them all at once.
struct TrackerResolver {
    let db: Database

    /// A draft that passed every check, in the column order of `click_tracker`'s editable fields:
    /// name, code, state, click_url, line_item_id, publisher_id, placement_id, payment_rule_id.
    struct Resolved {
        var columnValues: StatementArguments
    }

    func resolve(_ draft: TrackerDraft, trackerId: Int64?) throws -> Resolved {
        var issues = TrackerRules.check(draft)
        let code = TrackerRules.normalizedCode(draft.code)

        if let id = draft.lineItemId, try !exists("line_item", id) {
            issues.append(ValidationIssue(.lineItem, "no line item with ID \(id)"))
        }
        var publisherName: String?
        if let id = draft.publisherId {
            publisherName = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM publisher WHERE id = ?"), arguments: [id])
            if publisherName == nil { issues.append(ValidationIssue(.publisher, "no publisher with ID \(id)")) }
        }
        if let id = draft.placementId {
            issues += try belongingIssues(.placement, table: "placement", kind: "placement", id: id, draft: draft, publisherName: publisherName)
        }
        if let id = draft.paymentRuleId {
            issues += try belongingIssues(.paymentRule, table: "payment_rule", kind: "payment rule", id: id, draft: draft, publisherName: publisherName)
        }
        if let code, TrackerRules.codeProblem(code) == nil,
           let holder = try Row.fetchOne(
               db.cachedStatement(sql: "SELECT id, name FROM click_tracker WHERE code = ? COLLATE NOCASE AND id IS NOT ?"),
               arguments: [code, trackerId]) {
            let holderId: Int64 = holder["id"]
            let holderName: String = holder["name"]
            issues.append(ValidationIssue(
                .code, "“\(code)” is already the code of tracker \(holderId) (“\(holderName)”); codes are unique, whatever their case"))
        }
        if !issues.isEmpty { throw ClicktraxError.invalid(issues) }

        let clickUrl = draft.clickUrl.flatMap { $0.isEmpty ? nil : $0 }
        return Resolved(columnValues: [
            TrackerRules.normalizedName(draft.name), code, draft.state.rawValue, clickUrl,
            draft.lineItemId, draft.publisherId, draft.placementId, draft.paymentRuleId,
        ])
    }

    private func exists(_ table: String, _ id: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [id]) ?? false
    }

    /// A placement or payment rule must exist and belong to the tracker's publisher.
    private func belongingIssues(
        _ field: TrackerField, table: String, kind: String, id: Int64, draft: TrackerDraft, publisherName: String?
    ) throws -> [ValidationIssue] {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT x.name, x.publisher_id, p.name AS publisher_name FROM \(table) x JOIN publisher p ON p.id = x.publisher_id WHERE x.id = ?"),
            arguments: [id])
        else { return [ValidationIssue(field, "no \(kind) with ID \(id)")] }
        let ownerId: Int64 = row["publisher_id"]
        guard let publisherId = draft.publisherId, publisherName != nil else { return [] }
        guard ownerId == publisherId else {
            let name: String = row["name"]
            let ownerName: String = row["publisher_name"]
            return [ValidationIssue(
                field, "\(kind) \(id) (“\(name)”) belongs to publisher \(ownerId) (“\(ownerName)”), not to the tracker's publisher \(publisherId) (“\(publisherName!)”)")]
        }
        return []
    }
}
