/// The input rules (RULES.md §2) of what an import record holds, through its kind's descriptor.
/// A tracker's fields are judged where it is written (`TrackerResolver`), which knows the
/// catalog; these are the catalog kinds'.
extension ImportRecord.Object {
    /// The rules broken by the fields set differently from `existing` (every field when nil).
    func inputProblems(comparedWith existing: ImportRecord.Object?) -> [(field: String, problem: InputProblem)] {
        switch (self, existing) {
        case (.advertiser(let new), .advertiser(let old)?): Advertiser.descriptor.inputProblems(new, comparedWith: old)
        case (.advertiser(let new), _): Advertiser.descriptor.inputProblems(new, comparedWith: nil)
        case (.publisher(let new), .publisher(let old)?): Publisher.descriptor.inputProblems(new, comparedWith: old)
        case (.publisher(let new), _): Publisher.descriptor.inputProblems(new, comparedWith: nil)
        case (.lineItem(let new), .lineItem(let old)?): LineItem.descriptor.inputProblems(new, comparedWith: old)
        case (.lineItem(let new), _): LineItem.descriptor.inputProblems(new, comparedWith: nil)
        case (.placement(let new), .placement(let old)?): Placement.descriptor.inputProblems(new, comparedWith: old)
        case (.placement(let new), _): Placement.descriptor.inputProblems(new, comparedWith: nil)
        case (.paymentRule(let new), .paymentRule(let old)?): PaymentRule.descriptor.inputProblems(new, comparedWith: old)
        case (.paymentRule(let new), _): PaymentRule.descriptor.inputProblems(new, comparedWith: nil)
        case (.tracker, _): []
        }
    }

    /// What an object kept as Invest has it breaks, to be counted (`LegacyValues`).
    func legacyProblems() -> [(field: String, problem: InputProblem)] {
        if case .tracker(let full?, _, _, _, _) = self {
            return Tracker.inputFields.compactMap { field in field.rule?.problem(field.get(full)).map { (field.key, $0) } }
        }
        return inputProblems(comparedWith: nil)
    }
}
