/// The catalog, read: advertisers, line items, publishers, placements, payment rules.
public protocol CatalogReading: Sendable {
    func advertisers() throws -> [Advertiser]
    /// The listings again one object at a time, their number first (one snapshot each).
    func forEachAdvertiser(count: (Int) throws -> Void, _ body: (Advertiser) throws -> Void) throws
    func forEachPublisher(matching term: String?, count: (Int) throws -> Void, _ body: (Publisher) throws -> Void) throws
    func forEachPlacement(publisherId: Int64?, count: (Int) throws -> Void, _ body: (Placement) throws -> Void) throws
    func forEachPaymentRule(publisherId: Int64?, count: (Int) throws -> Void, _ body: (PaymentRule) throws -> Void) throws
    func lineItem(id: Int64) throws -> LineItem?
    func publishers(matching term: String?) throws -> [Publisher]
    func publisher(id: Int64) throws -> Publisher?
    /// A publisher's placements, or every placement for nil.
    func placements(publisherId: Int64?) throws -> [Placement]
    /// A publisher's payment rules, or every payment rule for nil.
    func paymentRules(publisherId: Int64?) throws -> [PaymentRule]
    /// Every line item, in id order (for exports; the pickers search instead).
    func allLineItems() throws -> [LineItem]
    /// Every line item in id order, one at a time, their number first (one snapshot).
    func forEachLineItem(count: (Int) throws -> Void, _ body: (LineItem) throws -> Void) throws
    func counts() throws -> CatalogCounts
    /// No catalog and no trackers (cheaper than `counts`: it stops at the first row).
    func isEmpty() throws -> Bool
}
