/// An Invest API response page decoded in one pass, whatever kind it holds: the kind is the
/// plural or singular key present in `response`; an error envelope is kept as such. Objects
/// are read as Invest has them (`KeptObject`): one that cannot be kept is skipped and named on
/// the decoder's `InvestPageReading`.
struct ResponsePage: Decodable {
    var objects: ObjectBatch?
    var error: String?
    var errorId: String?

    private enum TopKey: String, CodingKey { case response }

    init(from decoder: Decoder) throws {
        let top = try decoder.container(keyedBy: TopKey.self)
        let c = try top.nestedContainer(keyedBy: DynamicKey.self, forKey: .response)
        error = try c.decodeIfPresent(String.self, forKey: DynamicKey("error"))
        errorId = try c.decodeIfPresent(String.self, forKey: DynamicKey("error_id"))
        if error != nil { return }
        func list<T: InvestObject>(_ type: T.Type) throws -> [T]? {
            if c.contains(DynamicKey(T.kind.pluralKey)) {
                return try c.decode([KeptObject<T>].self, forKey: DynamicKey(T.kind.pluralKey)).compactMap(\.object)
            }
            if c.contains(DynamicKey(T.kind.singularKey)) {
                return [try c.decode(KeptObject<T>.self, forKey: DynamicKey(T.kind.singularKey))].compactMap(\.object)
            }
            return nil
        }
        if let found = try list(Advertiser.self) { objects = .advertisers(found) }
        else if let found = try list(LineItem.self) { objects = .lineItems(found) }
        else if let found = try list(Publisher.self) { objects = .publishers(found) }
        else if let found = try list(Placement.self) { objects = .placements(found) }
        else if let found = try list(PaymentRule.self) { objects = .paymentRules(found) }
        else if let found = try list(Tracker.self) { objects = .trackers(found) }
        else if let found = try list(ImpTracker.self) { objects = .impTrackers(found) }
    }
}
