/// An impression tracker as it travels (RULES.md §12): in the Invest envelope under `imptracker`
/// and `imptrackers`, in CSV without `click_url`. The tracker itself is a `Tracker` of kind
/// `.impression`; this gives listings, imports and the Invest client the kind's own keys.
public struct ImpTracker: InvestObject, CSVRepresentable, PrettyJSONRepresentable, Equatable {
    public var tracker: Tracker

    public init(_ tracker: Tracker) {
        var tracker = tracker
        tracker.kind = .impression
        tracker.clickUrl = nil
        self.tracker = tracker
    }

    public static var kind: ObjectKind { .impTracker }
    public var id: Int64 { tracker.id }

    /// Read as Invest holds it, as a click tracker is; a `click_url` on the page is not kept.
    public init(from decoder: Decoder) throws {
        self.init(try Tracker(from: decoder))
    }

    public func encode(to encoder: Encoder) throws { try tracker.encode(to: encoder) }

    /// Where a click tracker's row has its landing page, which an impression tracker's has not.
    private static let clickURLColumn = Tracker.csvHeader.firstIndex(of: "click_url")!

    public static let csvHeader = { var header = Tracker.csvHeader; header.remove(at: clickURLColumn); return header }()

    public var csvFields: [String?] {
        var fields = tracker.csvFields
        fields.remove(at: Self.clickURLColumn)
        return fields
    }

    public func writePrettyJSON(_ json: inout PrettyJSON) { tracker.writePrettyJSON(&json) }
}
