/// External impressions and clicks of one hour on one line item, publisher and placement, as
/// Network Analytics reports them (imp_type 9 and 10). No tracker id: no report has one, so two
/// impression trackers on the same line item, publisher and placement are one row here.
public struct ImpressionHour: Sendable, Equatable {
    /// The hour's start, Unix seconds UTC.
    public var hour: Int64
    public var lineItemId: Int64
    public var publisherId: Int64
    /// 0: no placement.
    public var placementId: Int64
    public var impressions: Int64
    public var clicks: Int64

    public init(hour: Int64, lineItemId: Int64, publisherId: Int64, placementId: Int64, impressions: Int64, clicks: Int64) {
        self.hour = hour
        self.lineItemId = lineItemId
        self.publisherId = publisherId
        self.placementId = placementId
        self.impressions = impressions
        self.clicks = clicks
    }
}
