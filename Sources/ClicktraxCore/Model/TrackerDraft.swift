/// What an operator fills in to create or edit a click tracker: the editable fields, references
/// by id. The store validates it (`TrackerRules` for the fields, the catalog for the references)
/// and turns it into a `Tracker`.
public struct TrackerDraft: Sendable, Equatable {
    public var name: String
    public var code: String?
    public var state: ObjectState
    /// The Landing Page URL.
    public var clickUrl: String?
    public var lineItemId: Int64?
    public var publisherId: Int64?
    public var placementId: Int64?
    public var paymentRuleId: Int64?

    public init(
        name: String = "", code: String? = nil, state: ObjectState = .active, clickUrl: String? = nil,
        lineItemId: Int64? = nil, publisherId: Int64? = nil, placementId: Int64? = nil, paymentRuleId: Int64? = nil
    ) {
        self.name = name
        self.code = code
        self.state = state
        self.clickUrl = clickUrl
        self.lineItemId = lineItemId
        self.publisherId = publisherId
        self.placementId = placementId
        self.paymentRuleId = paymentRuleId
    }

    /// Changes the publisher. Placements and payment rules belong to one publisher, so a new
    /// publisher clears both; the result says which were cleared, for the operator to be told.
    @discardableResult
    public mutating func changePublisher(to id: Int64?) -> [TrackerField] {
        guard id != publisherId else { return [] }
        publisherId = id
        var cleared: [TrackerField] = []
        if placementId != nil { placementId = nil; cleared.append(.placement) }
        if paymentRuleId != nil { paymentRuleId = nil; cleared.append(.paymentRule) }
        return cleared
    }
}
