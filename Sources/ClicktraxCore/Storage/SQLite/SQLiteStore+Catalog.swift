import GRDB

/// The catalog read back, each kind through its descriptor (`ObjectDescriptor.model(from:)`):
/// the columns are the fields, in their order.
extension SQLiteStore {
    public func advertisers() throws -> [Advertiser] { try collect { try forEachAdvertiser(count: $0, $1) } }

    public func forEachAdvertiser(count: (Int) throws -> Void, _ body: (Advertiser) throws -> Void) throws {
        let kind = Advertiser.descriptor
        try stream(countSQL: "SELECT count(*) FROM advertiser", sql: "\(kind.selectSQL) ORDER BY name COLLATE NOCASE, id",
                   arguments: [], map: kind.model(from:), count: count, body)
    }

    public func lineItem(id: Int64) throws -> LineItem? {
        try read { db in try Self.fetch(LineItem.descriptor, id: id, db) }
    }

    public func publishers(matching term: String?) throws -> [Publisher] {
        try collect { try forEachPublisher(matching: term, count: $0, $1) }
    }

    public func forEachPublisher(matching term: String?, count: (Int) throws -> Void, _ body: (Publisher) throws -> Void) throws {
        var filter = ""
        var arguments = StatementArguments()
        let words = TextFolding.words(of: term ?? "")
        if !words.isEmpty {
            filter = " WHERE " + words.map { _ in
                "(ctx_fold(name) LIKE ? ESCAPE '\\' OR CAST(id AS TEXT) = ? OR code = ? COLLATE NOCASE)"
            }.joined(separator: " AND ")
            for word in words { arguments += ["%" + Self.likeEscaped(word) + "%", word, word] }
        }
        let kind = Publisher.descriptor
        try stream(countSQL: "SELECT count(*) FROM publisher" + filter,
                   sql: kind.selectSQL + filter + " ORDER BY name COLLATE NOCASE, id",
                   arguments: arguments, map: kind.model(from:), count: count, body)
    }

    public func publisher(id: Int64) throws -> Publisher? {
        try read { db in try Self.fetch(Publisher.descriptor, id: id, db) }
    }

    public func allLineItems() throws -> [LineItem] { try collect { try forEachLineItem(count: $0, $1) } }

    public func placements(publisherId: Int64?) throws -> [Placement] {
        try collect { try forEachPlacement(publisherId: publisherId, count: $0, $1) }
    }

    public func forEachPlacement(publisherId: Int64?, count: (Int) throws -> Void, _ body: (Placement) throws -> Void) throws {
        try forEach(Placement.descriptor, of: publisherId, order: "name COLLATE NOCASE, id", count: count, body)
    }

    /// A publisher's objects of a kind (every publisher's for nil), by publisher, then `order`.
    private func forEach<M>(_ kind: ObjectDescriptor<M>, of publisherId: Int64?, order: String, count: (Int) throws -> Void,
                            _ body: (M) throws -> Void) throws {
        try stream(
            countSQL: "SELECT count(*) FROM \(kind.table) WHERE ? IS NULL OR publisher_id = ?",
            sql: "\(kind.selectSQL) WHERE ? IS NULL OR publisher_id = ? ORDER BY publisher_id, \(order)",
            arguments: [publisherId, publisherId], map: kind.model(from:), count: count, body)
    }

    public func paymentRules(publisherId: Int64?) throws -> [PaymentRule] {
        try collect { try forEachPaymentRule(publisherId: publisherId, count: $0, $1) }
    }

    public func forEachPaymentRule(publisherId: Int64?, count: (Int) throws -> Void, _ body: (PaymentRule) throws -> Void) throws {
        try forEach(PaymentRule.descriptor, of: publisherId, order: "priority DESC, name COLLATE NOCASE, id", count: count, body)
    }

    /// One object of a kind by id.
    static func fetch<M>(_ kind: ObjectDescriptor<M>, id: Int64, _ db: Database) throws -> M? {
        try Row.fetchOne(db.cachedStatement(sql: "\(kind.selectSQL) WHERE id = ?"), arguments: [id]).map(kind.model(from:))
    }
}
