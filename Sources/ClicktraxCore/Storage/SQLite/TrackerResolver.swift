import GRDB

/// Checks a tracker draft against the catalog inside a write transaction: it looks up what
/// `TrackerReferenceRules` needs to know and applies those rules. `TrackerRules` — the fields'
/// own, which need no catalog — are judged by the caller before the transaction and handed in,
/// so every problem still comes back at once.
struct TrackerResolver {
    let db: Database
    /// The kind of tracker the draft is for: whose codes it must not take.
    var tables: TrackerTables = .click

    /// Who the values are from, which says what is judged (RULES.md §10).
    enum Judging {
        /// The operator's: `issues` are what `TrackerRules` found in the fields that differ from
        /// `before` (every field of a new tracker), and a changed text field is stored trimmed.
        /// What Invest held in a field the operator did not touch is kept exactly.
        case input(before: TrackerDraft?, issues: [ValidationIssue])
        /// Values already accepted once — Invest's copy (an imported API page), or what an undo
        /// puts back: kept as they are; only what the store itself needs is checked (the
        /// references exist and belong together, the code is no other tracker's).
        case asStored
    }

    /// A draft that passed every check, in the column order of `click_tracker`'s editable fields:
    /// name, code, state, click_url, line_item_id, publisher_id, placement_id, payment_rule_id.
    struct Resolved {
        var columnValues: StatementArguments
    }

    func resolve(_ draft: TrackerDraft, trackerId: Int64?, judging: Judging) throws -> Resolved {
        let before: TrackerDraft?
        let judged: Bool
        var issues: [ValidationIssue]
        switch judging {
        case .input(let previous, let found): (before, judged, issues) = (previous, true, found)
        case .asStored: (before, judged, issues) = (nil, false, [])
        }
        let codeChanged = judged && before?.code != draft.code
        let code = codeChanged ? TrackerRules.normalizedCode(draft.code) : draft.code
        var facts = TrackerReferences()
        if let id = draft.lineItemId { facts.lineItemExists = try exists("line_item", id) }
        if let id = draft.publisherId {
            facts.publisherName = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM publisher WHERE id = ?"), arguments: [id])
        }
        if let id = draft.placementId { facts.placement = try owner(table: "placement", id: id) }
        if let id = draft.paymentRuleId { facts.paymentRule = try owner(table: "payment_rule", id: id) }
        // The code is checked for others holding it whenever it would be stored: the unique
        // index would refuse it anyway, in words no one should read.
        if let code, !judged || !codeChanged || TrackerRules.codeProblem(code) == nil,
           let holder = try Row.fetchOne(
               db.cachedStatement(sql: "SELECT id, name FROM \(tables.trackers) WHERE code = ? COLLATE NOCASE AND id IS NOT ?"),
               arguments: [code, trackerId]) {
            facts.codeHolder = (holder["id"], holder["name"])
        }
        if tables.kind == .impression && draft.clickUrl != nil {
            issues.append(ValidationIssue(.landingPageURL, "an impression tracker has no landing page"))
        }
        if draft.lineItemId == nil && !judged { issues.append(ValidationIssue(.lineItem, "required")) }
        if draft.publisherId == nil && !judged { issues.append(ValidationIssue(.publisher, "required")) }
        var stored = draft
        stored.code = code
        issues += TrackerReferenceRules.check(stored, against: facts)
        if !issues.isEmpty { throw ClicktraxError.invalid(issues) }

        let nameChanged = judged && before?.name != draft.name
        let urlChanged = judged && before?.clickUrl != draft.clickUrl
        let name = nameChanged ? TrackerRules.normalizedName(draft.name) : draft.name
        let clickUrl = urlChanged
            ? draft.clickUrl.map(LandingPageURL.trimmed).flatMap { $0.isEmpty ? nil : LandingPageURL.normalized($0) } : draft.clickUrl
        return Resolved(columnValues: [
            name, code, draft.state.rawValue, clickUrl,
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
