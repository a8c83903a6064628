import GRDB

extension SQLiteStore {
    public func advertisers() throws -> [Advertiser] { try collect { try forEachAdvertiser(count: $0, $1) } }

    public func forEachAdvertiser(count: (Int) throws -> Void, _ body: (Advertiser) throws -> Void) throws {
        try stream(countSQL: "SELECT count(*) FROM advertiser", sql: "SELECT * FROM advertiser ORDER BY name COLLATE NOCASE, id",
                   arguments: [], map: { Advertiser(id: $0["id"], code: $0["code"], name: $0["name"], state: Self.state($0)) },
                   count: count, body)
    }

    public func lineItem(id: Int64) throws -> LineItem? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM line_item WHERE id = ?", arguments: [id]).map(Self.lineItem(from:))
        }
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
        try stream(countSQL: "SELECT count(*) FROM publisher" + filter,
                   sql: "SELECT * FROM publisher" + filter + " ORDER BY name COLLATE NOCASE, id",
                   arguments: arguments, map: Self.publisher(from:), count: count, body)
    }

    public func publisher(id: Int64) throws -> Publisher? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM publisher WHERE id = ?", arguments: [id]).map(Self.publisher(from:))
        }
    }

    public func allLineItems() throws -> [LineItem] { try collect { try forEachLineItem(count: $0, $1) } }

    public func placements(publisherId: Int64?) throws -> [Placement] {
        try collect { try forEachPlacement(publisherId: publisherId, count: $0, $1) }
    }

    public func forEachPlacement(publisherId: Int64?, count: (Int) throws -> Void, _ body: (Placement) throws -> Void) throws {
        try stream(
            countSQL: "SELECT count(*) FROM placement WHERE ? IS NULL OR publisher_id = ?",
            sql: "SELECT * FROM placement WHERE ? IS NULL OR publisher_id = ? ORDER BY publisher_id, name COLLATE NOCASE, id",
            arguments: [publisherId, publisherId],
            map: {
                Placement(
                    id: $0["id"], code: $0["code"], name: $0["name"], state: Self.state($0),
                    publisherId: $0["publisher_id"], width: $0["width"], height: $0["height"])
            }, count: count, body)
    }

    public func paymentRules(publisherId: Int64?) throws -> [PaymentRule] {
        try collect { try forEachPaymentRule(publisherId: publisherId, count: $0, $1) }
    }

    public func forEachPaymentRule(publisherId: Int64?, count: (Int) throws -> Void, _ body: (PaymentRule) throws -> Void) throws {
        try stream(
            countSQL: "SELECT count(*) FROM payment_rule WHERE ? IS NULL OR publisher_id = ?",
            sql: "SELECT * FROM payment_rule WHERE ? IS NULL OR publisher_id = ? ORDER BY publisher_id, priority DESC, name COLLATE NOCASE, id",
            arguments: [publisherId, publisherId],
            map: {
                PaymentRule(
                    id: $0["id"], code: $0["code"], name: $0["name"], state: Self.state($0),
                    publisherId: $0["publisher_id"],
                    pricingType: PricingType(rawValue: $0["pricing_type"]) ?? .revshare,
                    costCpm: $0["cost_cpm"], revshare: $0["revshare"], priority: $0["priority"])
            }, count: count, body)
    }

    static func state(_ row: Row) -> ObjectState {
        ObjectState(rawValue: row["state"]) ?? .active
    }

    static func lineItem(from row: Row) -> LineItem {
        LineItem(
            id: row["id"], code: row["code"], name: row["name"], state: state(row),
            advertiserId: row["advertiser_id"], lineItemType: row["line_item_type"],
            revenueType: row["revenue_type"], revenueValue: row["revenue_value"], currency: row["currency"],
            startDate: row["start_date"], endDate: row["end_date"])
    }

    static func publisher(from row: Row) -> Publisher {
        Publisher(id: row["id"], code: row["code"], name: row["name"], state: state(row))
    }
}
