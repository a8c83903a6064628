import Foundation
import Testing
@testable import ClicktraxCore

/// The screen's in-memory filter and the store's SQL filter (`trackers list --search`) are two
/// implementations of one rule; they must always agree.
@Suite struct TrackerFilterIndexTests {
    @Test func agreesWithTheStoresFilter() throws {
        let store = try SQLiteStore.inMemory()
        try store.load { _ = try DemoCatalog(lineItemCount: 300, trackerCount: 400).fill($0) }
        let index = try store.trackerFilterIndex()
        let everything = try store.trackerIDs(TrackerQuery(sort: .name))
        #expect(index.count == everything.count)
        var random = SeededRandom(seed: 3)
        let pieces = ["wonka", "holi", "jp", "CT-", "café", "ole", "新春", "planet", "daily", "21378", "zürich", "x", "e", "–"]
        for _ in 0..<200 {
            let query = (0..<random.int(in: 1...3)).map { _ in random.pick(pieces) }.joined(separator: " ")
            let expected = try store.trackerIDs(TrackerQuery(search: query, sort: .name))
            #expect(index.filter(everything, by: query) == expected, "query \(query)")
        }
        #expect(index.filter(everything, by: "   ") == everything)
        #expect(index.filter(everything + [999_999], by: "wonka").contains(999_999) == false)
    }
}
