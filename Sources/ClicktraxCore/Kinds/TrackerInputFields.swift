extension Tracker {
    /// The fields an operator types into a tracker, with their rules (RULES.md §2): judged when they
    /// change, counted when a value kept from Invest breaks them (`LegacyValues`). The keys are
    /// Invest's, which are also the store's columns.
    public static let inputFields: [ObjectField<Tracker>] = [
        .name(max: TrackerRules.nameMaxLength, get: { $0.name }, set: { $0.name = $1 }),
        .text("code", rule: .investCode, get: { $0.code }, set: { $0.code = $1 }),
        .state(get: { $0.state }, set: { $0.state = $1 }),
        .text("click_url", rule: .landingPage, get: { $0.clickUrl }, set: { $0.clickUrl = $1 }),
    ]
}
