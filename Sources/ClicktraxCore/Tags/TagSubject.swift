/// What a tag is made for: a tracker of either kind, reduced to what the tag and its lint read.
/// Click trackers and impression trackers both give one (`tagSubject`), so one generator, one
/// lint and one delivery serve both screens.
public struct TagSubject: Sendable, Equatable {
    public var kind: TrackerKind
    public var id: Int64
    public var name: String
    public var state: ObjectState
    public var paymentRule: ObjectRef?
    /// The Landing Page URL: click trackers only (an impression has nowhere to lead).
    public var landingPage: String?

    public init(kind: TrackerKind, id: Int64, name: String, state: ObjectState = .active, paymentRule: ObjectRef? = nil,
                landingPage: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
        self.state = state
        self.paymentRule = paymentRule
        self.landingPage = landingPage
    }
}

extension Tracker {
    public var tagSubject: TagSubject {
        TagSubject(kind: kind, id: id, name: name, state: state, paymentRule: paymentRule, landingPage: clickUrl)
    }
}
