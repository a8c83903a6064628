import ArgumentParser
import ClicktraxCore

/// The options that set a tracker's fields, shared by `create` and `update`.
struct TrackerFieldOptions: ParsableArguments {
    @Option(help: "The name, 1–255 characters.")
    var name: String?

    @Option(help: "The line item's ID (see 'clicktrax line-items search').")
    var lineItem: Int64?

    @Option(help: "The publisher's ID (see 'clicktrax publishers list').")
    var publisher: Int64?

    @Option(help: ArgumentHelp("The placement's ID (one of the publisher's), or 'none'.", valueName: "id|none"))
    var placement: Reference?

    @Option(help: ArgumentHelp("The payment rule's ID (one of the publisher's), or 'none'.", valueName: "id|none"))
    var paymentRule: Reference?

    @Option(help: "An optional code: up to 100 of A–Z a–z 0–9 . _ - ('' for none).")
    var code: String?

    @Option(help: "The Landing Page URL: an absolute http(s) URL ('' for none).")
    var landingPageUrl: String?

    @Option(help: "active or inactive.")
    var state: ObjectState?

    /// Applies the options given to `draft`; returns the fields cleared by a change of publisher.
    @discardableResult
    func apply(to draft: inout TrackerDraft) -> [TrackerField] {
        if let name { draft.name = name }
        if let lineItem { draft.lineItemId = lineItem }
        var cleared: [TrackerField] = []
        if let publisher { cleared = draft.changePublisher(to: publisher) }
        if let placement { draft.placementId = placement.id; cleared.removeAll { $0 == .placement } }
        if let paymentRule { draft.paymentRuleId = paymentRule.id; cleared.removeAll { $0 == .paymentRule } }
        if let code { draft.code = code.isEmpty ? nil : code }
        if let landingPageUrl { draft.clickUrl = landingPageUrl.isEmpty ? nil : landingPageUrl }
        if let state { draft.state = state }
        return cleared
    }
}

/// An optional reference on the command line: an ID, or `none` to clear it.
struct Reference: ExpressibleByArgument {
    var id: Int64?

    init?(argument: String) {
        if argument.lowercased() == "none" || argument.isEmpty { id = nil; return }
        guard let value = Int64(argument), value > 0 else { return nil }
        id = value
    }
}
