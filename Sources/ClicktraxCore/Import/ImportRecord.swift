/// One object read from an import file, with where it came from.
public struct ImportRecord: Sendable {
    public enum Object: Sendable {
        case advertiser(Advertiser)
        case lineItem(LineItem)
        case publisher(Publisher)
        case placement(Placement)
        case paymentRule(PaymentRule)
        /// A tracker of `kind`; `id` nil (a CSV row without one) creates a new tracker.
        case tracker(Tracker?, draft: TrackerDraft, id: Int64?, memberId: Int64?, kind: TrackerKind)
    }

    /// Whose values these are: Invest's (an API page, stored as Invest has them) or the
    /// operator's (their own CSV rows, held to the input rules where they change something).
    public enum Origin: Sendable { case invest, operatorInput }

    public var object: Object
    public var file: String
    /// `line 12` or `record 3`.
    public var place: String
    public var origin: Origin
    /// Nothing left to check of its own fields (on the reader's thread, beside the writer).
    var fieldsChecked = false
    /// An operator's row that breaks input rules as read: the writer, which knows the object as
    /// stored, refuses it only for fields the row changes.
    /// (nil, not empty, when there are none: a million records then copy no array.)
    var inputProblems: [(field: String, problem: InputProblem)]?
    /// A line item's name folded for the search index, worked out on the reader's thread too
    /// (nil: the writer folds it).
    var searchName: String?

    public var kind: ObjectKind {
        switch object {
        case .advertiser: .advertiser
        case .lineItem: .lineItem
        case .publisher: .publisher
        case .placement: .placement
        case .paymentRule: .paymentRule
        case .tracker(_, _, _, _, .click): .clickTracker
        case .tracker(_, _, _, _, .impression): .impTracker
        }
    }

    /// The object's own id (nil: a new tracker).
    var id: Int64? {
        switch object {
        case .advertiser(let object): object.id
        case .lineItem(let object): object.id
        case .publisher(let object): object.id
        case .placement(let object): object.id
        case .paymentRule(let object): object.id
        case .tracker(_, _, let id, _, _): id
        }
    }

    public init(object: Object, file: String, place: String, origin: Origin) {
        self.object = object
        self.file = file
        self.place = place
        self.origin = origin
    }

    func problem(_ field: String?, _ message: String) -> ImportProblem {
        ImportProblem(file: file, place: place, field: field, message: message)
    }
}
