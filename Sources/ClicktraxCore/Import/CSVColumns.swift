/// The documented CSV column sets, one per kind: the API's field names, references by id — the
/// columns `--format csv` writes, so a list edited in a spreadsheet imports back.
enum CSVColumns {
    struct FieldProblem: Error {
        var field: String
        var message: String
    }

    static func kind(of columns: [String], path: String) -> ObjectKind? {
        let set = Set(columns)
        if set.contains("line_item_id") && set.contains("publisher_id") { return .clickTracker }
        if set.contains("pricing_type") { return .paymentRule }
        if set.contains("publisher_id") { return .placement }
        if !set.isDisjoint(with: ["advertiser_id", "line_item_type", "revenue_type", "revenue_value", "start_date", "end_date"]) {
            return .lineItem
        }
        let name = path.lowercased().split(separator: "/").last.map(String.init) ?? ""
        if name.contains("advertiser") { return .advertiser }
        if name.contains("publisher") { return .publisher }
        return nil
    }

    /// The columns a kind's file may have: those `--format csv` writes (a tracker's names of its
    /// line item, publisher… are there to read and ignored on the way back).
    static func known(kind: ObjectKind) -> [String] {
        switch kind {
        case .clickTracker: ClickTracker.csvHeader
        case .lineItem: LineItem.csvHeader
        case .placement: Placement.csvHeader
        case .paymentRule: PaymentRule.csvHeader
        case .advertiser, .publisher: Advertiser.csvHeader
        }
    }

    /// A column twice (which one counts?) or one the kind does not have (a typo would otherwise
    /// leave a field empty without a word).
    static func headerProblem(kind: ObjectKind, columns: [String]) -> String? {
        var seen: Set<String> = []
        for (index, column) in columns.enumerated() {
            let shown = column.isEmpty ? "column \(index + 1) has no name" : "“\(TerminalSafe.clip(column, 60))”"
            if !seen.insert(column).inserted { return "the column \(shown) comes twice in the header" }
            if !known(kind: kind).contains(column) {
                return "\(column.isEmpty ? shown : "the column " + shown) is not a column of \(kind.pluralKey) (known: \(known(kind: kind).joined(separator: ", ")))"
            }
        }
        return nil
    }

    static func missingRequired(kind: ObjectKind, columns: [String]) -> String? {
        let required: [String]
        switch kind {
        case .clickTracker: required = ["name", "line_item_id", "publisher_id"]
        case .placement: required = ["id", "name", "publisher_id"]
        default: required = ["id", "name"]
        }
        let missing = required.filter { !columns.contains($0) }
        return missing.isEmpty ? nil : "the header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) needed for \(kind.pluralKey)"
    }

    /// Where each column of the header is. A row asks for ten columns by name: among a dozen
    /// short names a comparison each (a small string compares as two words) beats hashing them.
    struct Positions {
        private let columns: [String]

        init(_ columns: [String]) { self.columns = columns }

        /// The first column of that name (the header has none twice: checked before).
        func index(of column: String) -> Int? { columns.firstIndex(of: column) }
    }

    static func object(kind: ObjectKind, _ row: Row, publisherForPaymentRules: Int64?) throws -> ImportRecord.Object {
        switch kind {
        case .advertiser:
            return .advertiser(Advertiser(id: try row.id("id"), code: row.text("code"), name: try row.name(), state: try row.state()))
        case .publisher:
            return .publisher(Publisher(id: try row.id("id"), code: row.text("code"), name: try row.name(), state: try row.state()))
        case .lineItem:
            return .lineItem(LineItem(
                id: try row.id("id"), code: row.text("code"), name: try row.name(), state: try row.state(),
                advertiserId: try row.optionalId("advertiser_id"), lineItemType: row.text("line_item_type"),
                revenueType: row.text("revenue_type"), revenueValue: try row.number("revenue_value"),
                currency: row.text("currency"), startDate: row.text("start_date"), endDate: row.text("end_date")))
        case .placement:
            return .placement(Placement(
                id: try row.id("id"), code: row.text("code"), name: try row.name(), state: try row.state(),
                publisherId: try row.id("publisher_id"), width: try row.whole("width"), height: try row.whole("height")))
        case .paymentRule:
            guard let publisherId = try row.optionalId("publisher_id") ?? publisherForPaymentRules else {
                throw FieldProblem(field: "publisher_id", message: "no publisher: fill the column or give --publisher ID")
            }
            let pricing = row.text("pricing_type") ?? "revshare"
            guard let pricingType = PricingType(rawValue: pricing) else {
                throw FieldProblem(field: "pricing_type", message: "expected revshare, cpm or dynamic (got “\(pricing)”)")
            }
            return .paymentRule(PaymentRule(
                id: try row.id("id"), code: row.text("code"), name: try row.name(), state: try row.state(), publisherId: publisherId,
                pricingType: pricingType, costCpm: try row.number("cost_cpm"), revshare: try row.number("revshare"),
                priority: try row.whole("priority")))
        case .clickTracker:
            let id = try row.optionalId("id")
            let draft = TrackerDraft(
                name: row.value("name") ?? "", code: row.text("code"), state: try row.state(), clickUrl: row.text("click_url"),
                lineItemId: try row.id("line_item_id"), publisherId: try row.id("publisher_id"),
                placementId: try row.optionalId("tag_id"), paymentRuleId: try row.optionalId("payment_rule_id"))
            return .tracker(nil, draft: draft, id: id, memberId: try row.optionalId("member_id"))
        }
    }

    /// A CSV row's values by column, read as the model's types. The header's positions are
    /// shared by every row (one list per file, not one per row of a million).
    struct Row {
        let fields: [String]
        let positions: Positions

        func value(_ column: String) -> String? {
            positions.index(of: column).map { fields[$0] }
        }

        func text(_ column: String) -> String? {
            guard let value = value(column), !value.isEmpty else { return nil }
            return value
        }

        func name() throws -> String {
            guard let name = text("name"), !FastTrim.whitespace(name, newlines: false).isEmpty else {
                throw FieldProblem(field: "name", message: "required")
            }
            return name
        }

        func id(_ column: String) throws -> Int64 {
            guard let value = try optionalId(column) else { throw FieldProblem(field: column, message: "required: a positive whole number") }
            return value
        }

        func optionalId(_ column: String) throws -> Int64? {
            guard let text = text(column) else { return nil }
            guard let value = Int64(FastTrim.whitespace(text, newlines: false)), InvestIDs.isValid(value) else {
                throw FieldProblem(field: column, message: "expected a whole number from 1 to \(InvestIDs.maxID) (got “\(TerminalSafe.clip(text, 40))”)")
            }
            return value
        }

        func whole(_ column: String) throws -> Int? {
            guard let text = text(column) else { return nil }
            guard let value = Int(FastTrim.whitespace(text, newlines: false)) else {
                throw FieldProblem(field: column, message: "expected a whole number (got “\(text)”)")
            }
            return value
        }

        func number(_ column: String) throws -> Double? {
            guard let text = text(column) else { return nil }
            guard let value = Double(FastTrim.whitespace(text, newlines: false)), value.isFinite else {
                throw FieldProblem(field: column, message: "expected a number (got “\(text)”)")
            }
            return value
        }

        func state() throws -> ObjectState {
            guard let text = text("state") else { return .active }
            guard let state = ObjectState(rawValue: text.lowercased()) else {
                throw FieldProblem(field: "state", message: "expected active or inactive (got “\(text)”)")
            }
            return state
        }
    }
}
