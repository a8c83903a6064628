/// The documented CSV column sets, one per kind: the API's field names, references by id — the
/// columns `--format csv` writes, so a list edited in a spreadsheet imports back.
enum CSVColumns {
    struct FieldProblem: Error {
        var field: String
        var message: String
    }

    /// A header says the kind; trackers of the two kinds have the same columns (an impression
    /// tracker's lack `click_url`), so a tracker file is an impression trackers' when it has no
    /// `click_url` and its name says so (`imptrackers.csv`, `impression-trackers.csv`), or with
    /// `--kind imptracker`.
    static func kind(of columns: [String], path: String) -> ObjectKind? {
        let set = Set(columns)
        let name = path.lowercased().split(separator: "/").last.map(String.init) ?? ""
        if set.contains("line_item_id") && set.contains("publisher_id") {
            return !set.contains("click_url") && (name.contains("imptracker") || name.contains("impression")) ? .impTracker : .clickTracker
        }
        if set.contains("pricing_type") { return .paymentRule }
        if set.contains("publisher_id") { return .placement }
        if !set.isDisjoint(with: ["advertiser_id", "line_item_type", "revenue_type", "revenue_value", "start_date", "end_date"]) {
            return .lineItem
        }
        if name.contains("advertiser") { return .advertiser }
        if name.contains("publisher") { return .publisher }
        return nil
    }

    /// The columns a kind's file may have: those `--format csv` writes (a tracker's names of its
    /// line item, publisher… are there to read and ignored on the way back).
    static func known(kind: ObjectKind) -> [String] {
        switch kind {
        case .clickTracker: Tracker.csvHeader
        case .impTracker: ImpTracker.csvHeader
        case .lineItem: LineItem.descriptor.keys
        case .placement: Placement.descriptor.keys
        case .paymentRule: PaymentRule.descriptor.keys
        case .advertiser: Advertiser.descriptor.keys
        case .publisher: Publisher.descriptor.keys
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
        case .clickTracker, .impTracker: required = ["name", "line_item_id", "publisher_id"]
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
        /// Where each field of the file's kind is, in its descriptor's order (nil: no such
        /// column): worked out once per file, not once per field of each of a million rows.
        let fieldColumns: [Int?]

        init(_ columns: [String], kind: ObjectKind? = nil) {
            self.columns = columns
            fieldColumns = kind.map { CSVColumns.known(kind: $0).map { columns.firstIndex(of: $0) } } ?? []
        }

        /// The first column of that name (the header has none twice: checked before).
        func index(of column: String) -> Int? { columns.firstIndex(of: column) }
    }

    /// The row's object, and the input rules its cells break (judged as they are read: the
    /// writer lets through what only repeats a value already stored).
    static func object(kind: ObjectKind, _ row: Row, publisherForPaymentRules: Int64?) throws
        -> (object: ImportRecord.Object, problems: [(field: String, problem: InputProblem)]) {
        var problems: [(field: String, problem: InputProblem)] = []
        switch kind {
        case .advertiser: return (.advertiser(try object(Advertiser.descriptor, row, &problems)), problems)
        case .publisher: return (.publisher(try object(Publisher.descriptor, row, &problems)), problems)
        case .lineItem: return (.lineItem(try object(LineItem.descriptor, row, &problems)), problems)
        case .placement: return (.placement(try object(Placement.descriptor, row, &problems)), problems)
        case .paymentRule:
            var rule = try object(PaymentRule.descriptor, row, &problems)
            if rule.publisherId == nil { rule.publisherId = publisherForPaymentRules }
            guard rule.publisherId != nil else {
                throw FieldProblem(field: "publisher_id", message: "no publisher: fill the column or give --publisher ID")
            }
            return (.paymentRule(rule), problems)
        case .clickTracker, .impTracker:
            let id = try row.optionalId("id")
            let draft = TrackerDraft(
                name: row.value("name") ?? "", code: row.text("code"), state: try row.state(),
                clickUrl: kind == .clickTracker ? row.text("click_url") : nil,
                lineItemId: try row.id("line_item_id"), publisherId: try row.id("publisher_id"),
                placementId: try row.optionalId("tag_id"), paymentRuleId: try row.optionalId("payment_rule_id"))
            return (.tracker(nil, draft: draft, id: id, memberId: try row.optionalId("member_id"),
                             kind: kind == .clickTracker ? .click : .impression), [])
        }
    }

    /// A catalog object from a row, field by field as its kind describes them. The cells are
    /// the operator's: ids and numbers must read as such; a documented word may come in any case
    /// (`Active` from a spreadsheet). Each value is judged by its field's input rule as it is
    /// read (`problems`): a second pass over the object cost the reader a fifth of its time.
    static func object<M>(_ descriptor: ObjectDescriptor<M>, _ row: Row,
                          _ problems: inout [(field: String, problem: InputProblem)]) throws -> M {
        var model = descriptor.blank()
        let columns = row.positions.fieldColumns
        for (index, field) in descriptor.fields.enumerated() {
            let cell = index < columns.count ? columns[index].map { row.fields[$0] } : row.value(field.key)
            var value: FieldValue
            switch field.type {
            case .ownID: value = .integer(try row.id(field.key, cell))
            case .parentID: value = FieldValue(field.requiredColumn ? try row.id(field.key, cell) : try row.optionalId(field.key, cell))
            case .text: value = FieldValue(cell.flatMap { $0.isEmpty ? nil : $0 })
            case .whole: value = FieldValue(try row.whole(field.key, cell))
            case .real: value = FieldValue(try row.number(field.key, cell))
            }
            if case .words(let words)? = field.rule, let text = value.text, !words.contains(text), words.contains(text.lowercased()) {
                value = .text(text.lowercased())
            }
            if value.isNull { value = field.absent }
            if let rule = field.rule, let problem = rule.problem(value) { problems.append((field.key, problem)) }
            field.set(&model, value)
        }
        return model
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

        func id(_ column: String, _ cell: String?? = nil) throws -> Int64 {
            guard let value = try optionalId(column, cell) else { throw FieldProblem(field: column, message: "required: a positive whole number") }
            return value
        }

        /// `cell`: the column's value when the caller has it already (nil: look the column up).
        func optionalId(_ column: String, _ cell: String?? = nil) throws -> Int64? {
            guard let text = (cell ?? value(column)).flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
            guard let value = Int64(FastTrim.whitespace(text, newlines: false)), InvestIDs.isValid(value) else {
                throw FieldProblem(field: column, message: "expected a whole number from 1 to \(InvestIDs.maxID) (got “\(TerminalSafe.clip(text, 40))”)")
            }
            return value
        }

        func whole(_ column: String, _ cell: String?? = nil) throws -> Int? {
            guard let text = (cell ?? value(column)).flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
            guard let value = Int(FastTrim.whitespace(text, newlines: false)) else {
                throw FieldProblem(field: column, message: "expected a whole number (got “\(text)”)")
            }
            return value
        }

        func number(_ column: String, _ cell: String?? = nil) throws -> Double? {
            guard let text = (cell ?? value(column)).flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
            guard let value = Double(FastTrim.whitespace(text, newlines: false)), value.isFinite else {
                throw FieldProblem(field: column, message: "expected a number (got “\(text)”)")
            }
            return value
        }

        func state() throws -> ObjectState {
            guard let text = text("state") else { return .active }
            guard let state = ObjectState(typed: text) else {
                throw FieldProblem(field: "state", message: "expected active or inactive (got “\(text)”)")
            }
            return state
        }
    }
}
