/// The rules a tracker's references follow, whatever store holds the catalog: the line item and
/// publisher exist, the placement and payment rule exist and belong to that publisher, the code
/// is no other tracker's. A store looks the facts up (`TrackerReferences`); the rules and their
/// words are here, so every backend says the same thing.
public enum TrackerReferenceRules {
    public static func check(_ draft: TrackerDraft, against facts: TrackerReferences) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if let id = draft.lineItemId, !facts.lineItemExists {
            issues.append(ValidationIssue(.lineItem, "no line item with ID \(id)"))
        }
        if let id = draft.publisherId, facts.publisherName == nil {
            issues.append(ValidationIssue(.publisher, "no publisher with ID \(id)"))
        }
        if let id = draft.placementId {
            issues += belonging(.placement, kind: "placement", id: id, owner: facts.placement, draft: draft, publisherName: facts.publisherName)
        }
        if let id = draft.paymentRuleId {
            issues += belonging(.paymentRule, kind: "payment rule", id: id, owner: facts.paymentRule, draft: draft,
                                publisherName: facts.publisherName)
        }
        if let code = TrackerRules.normalizedCode(draft.code), let holder = facts.codeHolder {
            issues.append(ValidationIssue(
                .code, "“\(code)” is already the code of tracker \(holder.id) (“\(holder.name)”); codes are unique, whatever their case"))
        }
        return issues
    }

    /// A placement or payment rule must exist and belong to the tracker's publisher.
    static func belonging(_ field: TrackerField, kind: String, id: Int64, owner: TrackerReferences.Owned?, draft: TrackerDraft,
                          publisherName: String?) -> [ValidationIssue] {
        guard let owner else { return [ValidationIssue(field, "no \(kind) with ID \(id)")] }
        guard let publisherId = draft.publisherId, let publisherName else { return [] }
        guard owner.publisherId == publisherId else {
            return [ValidationIssue(field, "\(kind) \(id) (“\(owner.name)”) belongs to publisher \(owner.publisherId) (“\(owner.publisherName)”), "
                                        + "not to the tracker's publisher \(publisherId) (“\(publisherName)”)")]
        }
        return []
    }
}

/// What the catalog holds of a draft's references, as a store found it.
public struct TrackerReferences: Sendable, Equatable {
    /// A placement's or payment rule's name and owner.
    public struct Owned: Sendable, Equatable {
        public var name: String
        public var publisherId: Int64
        public var publisherName: String

        public init(name: String, publisherId: Int64, publisherName: String) {
            self.name = name
            self.publisherId = publisherId
            self.publisherName = publisherName
        }
    }

    public var lineItemExists: Bool
    /// nil: no such publisher.
    public var publisherName: String?
    public var placement: Owned?
    public var paymentRule: Owned?
    /// Another tracker that has the draft's code, whatever its case.
    public var codeHolder: (id: Int64, name: String)?

    public init(lineItemExists: Bool = false, publisherName: String? = nil, placement: Owned? = nil, paymentRule: Owned? = nil,
                codeHolder: (id: Int64, name: String)? = nil) {
        self.lineItemExists = lineItemExists
        self.publisherName = publisherName
        self.placement = placement
        self.paymentRule = paymentRule
        self.codeHolder = codeHolder
    }

    public static func == (lhs: TrackerReferences, rhs: TrackerReferences) -> Bool {
        lhs.lineItemExists == rhs.lineItemExists && lhs.publisherName == rhs.publisherName && lhs.placement == rhs.placement
            && lhs.paymentRule == rhs.paymentRule && lhs.codeHolder?.id == rhs.codeHolder?.id && lhs.codeHolder?.name == rhs.codeHolder?.name
    }
}
