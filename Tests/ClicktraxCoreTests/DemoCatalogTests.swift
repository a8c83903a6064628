import Foundation
import Testing
@testable import ClicktraxCore

@Suite struct DemoCatalogTests {
    func catalog(seed: UInt64) throws -> (SQLiteStore, DemoCatalog.Summary) {
        let store = try SQLiteStore.inMemory()
        var summary = DemoCatalog.Summary()
        try store.load { summary = try DemoCatalog(seed: seed).fill($0) }
        return (store, summary)
    }

    @Test func isBelievableAndComplete() throws {
        let (store, summary) = try catalog(seed: 1)
        let counts = try store.counts()
        #expect(counts.lineItems == 300 && summary.lineItems == 300)
        #expect(counts.publishers == 40)
        #expect(counts.advertisers >= 5)
        #expect(counts.trackers == 25)
        let trackers = try store.trackers(TrackerQuery())
        #expect(Set(trackers.map(\.state)) == [.active, .inactive])
        #expect(trackers.first?.name == "CLIK TRAX" && trackers.first?.id == 21378)
        let names = try store.searchLineItems("", limit: 300).map(\.name)
        #expect(names.contains { $0.contains("é") || $0.contains("ü") }, "some names have accents")
        #expect(names.contains { $0.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) } }, "some are CJK")
        #expect(try !store.searchLineItems("wonka holiday jp", limit: 5).isEmpty)
        for publisher in try store.publishers(matching: nil) {
            #expect(try !store.placements(publisherId: publisher.id).isEmpty)
            #expect((1...3).contains(try store.paymentRules(publisherId: publisher.id).count))
        }
        let pricing = try store.publishers(matching: nil).flatMap { try store.paymentRules(publisherId: $0.id) }.map(\.pricingType)
        #expect(Set(pricing) == Set(PricingType.documented))
    }

    @Test func theSameSeedMakesTheSameCatalog() throws {
        let a = try InvestEnvelope.encode(try catalog(seed: 7).0.trackers(TrackerQuery()).map { var t = $0; t.lastModified = ""; return t })
        let b = try InvestEnvelope.encode(try catalog(seed: 7).0.trackers(TrackerQuery()).map { var t = $0; t.lastModified = ""; return t })
        let c = try InvestEnvelope.encode(try catalog(seed: 8).0.trackers(TrackerQuery()).map { var t = $0; t.lastModified = ""; return t })
        #expect(a == b)
        #expect(a != c)
    }
}
