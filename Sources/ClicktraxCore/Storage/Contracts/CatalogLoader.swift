/// Adds objects inside `CatalogImporting.load`.
public protocol CatalogLoader {
    func add(_ advertiser: Advertiser) throws
    func add(_ lineItem: LineItem) throws
    func add(_ publisher: Publisher) throws
    func add(_ placement: Placement) throws
    func add(_ paymentRule: PaymentRule) throws
    /// Validated like any other tracker; logged in the change log as created or updated.
    func add(_ tracker: Tracker) throws
    /// The Invest member new trackers belong to.
    func setMemberId(_ memberId: Int64) throws
    /// Removes every tracker of both kinds, line item, publisher and the rest, and the change
    /// logs: the start of `demo --replace`, which then refills the database in the same
    /// transaction. Returns the highest id ever given to each kind of tracker, which it keeps:
    /// new trackers' ids must be above it.
    @discardableResult
    func eraseAll() throws -> [TrackerKind: Int64]
}
