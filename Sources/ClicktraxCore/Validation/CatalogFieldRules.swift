/// The fields of a catalog object, checked wherever it comes in — an import file, an Invest
/// pull — by the same rules (`TextFieldRules`): each problem names the API's field.
public enum CatalogFieldRules {
    public struct Issue: Equatable, Sendable {
        public var field: String
        public var message: String
    }

    public static let codeMaxLength = 100

    public static func issues(_ advertiser: NamedObject<some NamedObjectKind>) -> [Issue] {
        common(name: advertiser.name, nameMax: 255, code: advertiser.code)
    }

    public static func issues(_ item: LineItem) -> [Issue] {
        // A line item's code is the SPEC's: matched by the pickers and unique per advertiser.
        var found = common(name: item.name, nameMax: 255, code: nil)
        if let code = item.code, let problem = TrackerRules.codeProblem(code) { found.append(Issue(field: "code", message: problem)) }
        if let type = item.lineItemType, let problem = TextFieldRules.tokenProblem(type) { found.append(Issue(field: "line_item_type", message: problem)) }
        if let type = item.revenueType, let problem = TextFieldRules.tokenProblem(type) { found.append(Issue(field: "revenue_type", message: problem)) }
        if let currency = item.currency, let problem = TextFieldRules.currencyProblem(currency) { found.append(Issue(field: "currency", message: problem)) }
        // Field by field, not through an array of pairs: a million rows would allocate a million arrays.
        if let value = item.startDate, let problem = TextFieldRules.timestampProblem(value, dateAlone: true) {
            found.append(Issue(field: "start_date", message: problem))
        }
        if let value = item.endDate, let problem = TextFieldRules.timestampProblem(value, dateAlone: true) {
            found.append(Issue(field: "end_date", message: problem))
        }
        return found
    }

    public static func issues(_ placement: Placement) -> [Issue] {
        var found = common(name: placement.name, nameMax: 100, code: placement.code)
        for (field, value) in [("width", placement.width), ("height", placement.height)] {
            if let value, !(0...100_000).contains(value) { found.append(Issue(field: field, message: "expected 0 to 100000 pixels (got \(value))")) }
        }
        return found
    }

    public static func issues(_ rule: PaymentRule) -> [Issue] {
        var found = common(name: rule.name, nameMax: 255, code: rule.code)
        if let share = rule.revshare, !(0...1).contains(share) { found.append(Issue(field: "revshare", message: "expected 0 to 1 (got \(share))")) }
        if let priority = rule.priority, !(1...10).contains(priority) { found.append(Issue(field: "priority", message: "expected 1 to 10 (got \(priority))")) }
        if let cost = rule.costCpm, !(cost.isFinite && cost >= 0) { found.append(Issue(field: "cost_cpm", message: "expected 0 or more (got \(cost))")) }
        return found
    }

    /// What a tracker carries besides the fields the dialog edits (those are `TrackerRules`').
    /// A tracker as Invest or a JSON file has it: its name (the dialog's rule) and its time.
    public static func issues(_ tracker: ClickTracker) -> [Issue] {
        var found: [Issue] = []
        if let problem = TrackerRules.nameProblem(tracker.name) { found.append(Issue(field: "name", message: problem)) }
        if !tracker.lastModified.isEmpty, let problem = TextFieldRules.timestampProblem(tracker.lastModified) {
            found.append(Issue(field: "last_modified", message: problem))
        }
        return found
    }

    /// The issues of whatever an import record holds (a tracker's dialog fields are
    /// `TrackerRules`', checked as it is written).
    static func issues(_ object: ImportRecord.Object) -> [Issue] {
        switch object {
        case .advertiser(let advertiser): issues(advertiser)
        case .publisher(let publisher): issues(publisher)
        case .lineItem(let item): issues(item)
        case .placement(let placement): issues(placement)
        case .paymentRule(let rule): issues(rule)
        case .tracker(let full, _, _, _): full.map(issues) ?? []
        }
    }

    static func common(name: String, nameMax: Int, code: String?) -> [Issue] {
        var found: [Issue] = []
        if let problem = TextFieldRules.nameProblem(name, max: nameMax) { found.append(Issue(field: "name", message: problem)) }
        if let code, let problem = TextFieldRules.plainProblem(code, max: codeMaxLength) { found.append(Issue(field: "code", message: problem)) }
        return found
    }
}
