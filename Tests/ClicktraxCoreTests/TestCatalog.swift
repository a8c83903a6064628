import Foundation
@testable import ClicktraxCore

/// A small hand-made catalog: two publishers, each with a placement and a payment rule.
enum TestCatalog {
    static let lineItem: Int64 = 100
    static let otherLineItem: Int64 = 101
    static let publisherA: Int64 = 10
    static let publisherB: Int64 = 20
    static let placementA: Int64 = 1000
    static let placementB: Int64 = 2000
    static let ruleA: Int64 = 500
    static let ruleB: Int64 = 600

    static func store() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try fill(store)
        return store
    }

    static func fill(_ store: any CatalogImporting) throws {
        try store.load { loader in
            try loader.add(Advertiser(id: 1, name: "Wonka Industries"))
            try loader.add(LineItem(id: lineItem, code: "WNK-HOL", name: "Wonka Holiday 2026 – JP", advertiserId: 1))
            try loader.add(LineItem(id: otherLineItem, name: "Café Olé Été Promo – FR", advertiserId: 1))
            try loader.add(Publisher(id: publisherA, name: "The Daily Planet"))
            try loader.add(Publisher(id: publisherB, name: "Gotham Gazette"))
            try loader.add(Placement(id: placementA, name: "Homepage", publisherId: publisherA))
            try loader.add(Placement(id: placementB, name: "Sports", publisherId: publisherB))
            try loader.add(PaymentRule(id: ruleA, name: "70% Rev Share", publisherId: publisherA, revshare: 0.7))
            try loader.add(PaymentRule(id: ruleB, name: "CPM 2", publisherId: publisherB, pricingType: .cpm, costCpm: 2))
        }
    }

    static func draft(name: String = "Homepage clicks") -> TrackerDraft {
        TrackerDraft(name: name, lineItemId: lineItem, publisherId: publisherA, placementId: placementA, paymentRuleId: ruleA)
    }

    static func temporaryPath() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clicktrax-tests-\(UUID().uuidString)")
        return folder.appendingPathComponent("nested/db.sqlite").path
    }
}
