/// A tracker — a click tracker (Invest `clicktracker`) or an impression tracker (`imptracker`,
/// RULES.md §12) — as stored and as the API's JSON carries it. The two kinds have the same fields
/// but the landing page (`click_url`), which an impression tracker never has.
///
/// `revision` is Clicktrax's own: it grows by one with every saved change, and a save names the
/// revision it started from, so an edit made over someone else's is refused instead of lost.
/// It is not part of the Invest JSON.
public struct Tracker: Codable, Sendable, Equatable, Identifiable {
    /// Not part of the JSON: the service it came from, or the table it is read from, says it.
    public var kind: TrackerKind
    public var id: Int64
    public var memberId: Int64?
    /// The line item's advertiser.
    public var advertiserId: Int64?
    public var name: String
    public var code: String?
    public var state: ObjectState
    /// The Landing Page URL.
    public var clickUrl: String?
    public var lineItem: ObjectRef
    public var publisher: ObjectRef
    /// The placement (the API calls placements "tags").
    public var tag: ObjectRef?
    public var paymentRule: ObjectRef?
    /// `YYYY-MM-DD HH:MM:SS`, UTC.
    public var lastModified: String
    public var revision: Int

    public init(
        id: Int64, memberId: Int64? = nil, advertiserId: Int64? = nil, name: String, code: String? = nil,
        state: ObjectState = .active, clickUrl: String? = nil, lineItem: ObjectRef, publisher: ObjectRef,
        tag: ObjectRef? = nil, paymentRule: ObjectRef? = nil, lastModified: String, revision: Int = 1, kind: TrackerKind = .click
    ) {
        self.kind = kind
        self.id = id
        self.memberId = memberId
        self.advertiserId = advertiserId
        self.name = name
        self.code = code
        self.state = state
        self.clickUrl = clickUrl
        self.lineItem = lineItem
        self.publisher = publisher
        self.tag = tag
        self.paymentRule = paymentRule
        self.lastModified = lastModified
        self.revision = revision
    }

    /// In the order of Invest's documented example.
    private enum CodingKeys: String, CodingKey {
        case id
        case memberId = "member_id"
        case advertiserId = "advertiser_id"
        case name, code, state
        case clickUrl = "click_url"
        case lastModified = "last_modified"
        case publisher
        case lineItem = "line_item"
        case tag
        case paymentRule = "payment_rule"
    }

    /// Read as Invest holds it (RULES.md §10, `InvestValues`): any name and code, a state word of its
    /// own, ids as numeric strings. Without a usable id, line item or publisher it cannot be kept.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let notes = decoder.investNotes
        kind = decoder.trackerKind
        id = try c.investID(forKey: .id)
        memberId = try c.investOptionalID(forKey: .memberId, notes: notes)
        advertiserId = try c.investOptionalID(forKey: .advertiserId, notes: notes)
        name = try c.investText(forKey: .name, notes: notes) ?? ""
        code = try c.investText(forKey: .code, notes: notes)
        state = try c.investState(forKey: .state, notes: notes)
        // An impression tracker has no landing page, whatever a page of them carries.
        clickUrl = kind == .click ? try c.investText(forKey: .clickUrl, notes: notes) : nil
        lastModified = try c.investText(forKey: .lastModified, notes: notes) ?? ""
        publisher = try c.investRequiredReference(forKey: .publisher, notes: notes)
        lineItem = try c.investRequiredReference(forKey: .lineItem, notes: notes)
        tag = try c.investReference(forKey: .tag, notes: notes)
        paymentRule = try c.investReference(forKey: .paymentRule, notes: notes)
        revision = 0
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(memberId, forKey: .memberId)
        try c.encode(advertiserId, forKey: .advertiserId)
        try c.encode(name, forKey: .name)
        try c.encode(code, forKey: .code)
        try c.encode(state, forKey: .state)
        if kind == .click { try c.encode(clickUrl, forKey: .clickUrl) }
        try c.encode(lastModified, forKey: .lastModified)
        try c.encode(publisher, forKey: .publisher)
        try c.encode(lineItem, forKey: .lineItem)
        try c.encode(tag, forKey: .tag)
        try c.encode(paymentRule, forKey: .paymentRule)
    }

    /// The fields an operator edits, as a draft to change and save back.
    public var draft: TrackerDraft {
        TrackerDraft(
            name: name, code: code, state: state, clickUrl: clickUrl, lineItemId: lineItem.id,
            publisherId: publisher.id, placementId: tag?.id, paymentRuleId: paymentRule?.id
        )
    }
}
