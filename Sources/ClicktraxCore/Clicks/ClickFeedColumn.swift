/// The Clicktrackers Feed's columns (Invest's names, as the download's header row has them).
/// A file may hold any subset that has a time and `tracker_id`; the columns Clicktrax does not
/// keep are read past.
public enum ClickFeedColumn: String, CaseIterable, Sendable {
    case datetime, hour, day, month
    case auctionID = "auction_id"
    case trackerID = "tracker_id"
    case lineItemID = "line_item_id"
    case insertionOrderID = "insertion_order_id"
    case publisherID = "publisher_id"
    case tagID = "tag_id"
    case advertiserID = "advertiser_id"
    case memberID = "member_id"
    case siteDomain = "site_domain"
    case userID = "user_id"
    case pricingType = "pricing_type"
    case mediaBuyCost = "media_buy_cost"
    case revenueValue = "revenue_value"
    case commissionCPM = "commission_cpm"
    case commissionRevshare = "commission_revshare"
    case mediaBuyRevSharePct = "media_buy_rev_share_pct"

    /// The time columns, the most precise first: a file with several is read by the first.
    static let timeColumns: [ClickFeedColumn] = [.datetime, .hour, .day]

    /// What `invest pull-clicks` asks the feed for: what Clicktrax keeps, the finest time.
    public static let requested: [ClickFeedColumn] = [
        .datetime, .auctionID, .trackerID, .lineItemID, .publisherID, .tagID, .siteDomain, .mediaBuyCost,
    ]
}
