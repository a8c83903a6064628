import Foundation
import Testing
@testable import ClicktraxCore

/// The screen's in-memory filter and the store's SQL filter (`trackers list --search`) are two
/// implementations of one rule; they must always agree.
@Suite struct TrackerFilterIndexTests {
    @Test func agreesWithTheStoresFilter() throws {
        let store = try SQLiteStore.inMemory()
        try store.load { _ = try DemoCatalog(lineItemCount: 300, trackerCount: 400).fill($0) }
        var index = try store.trackerFilterIndex()
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

    /// The index answers a keystroke from the last one's rows when the query only narrowed:
    /// typed letter by letter, then backspaced, words added and edited, IDs typed (an ID is no
    /// text, so it never narrows), another list order — every answer equals a fresh index's
    /// and the store's.
    @Test func answersFromTheLastKeystrokeEqualAFreshAnswer() throws {
        let store = try SQLiteStore.inMemory()
        try store.load { _ = try DemoCatalog(lineItemCount: 300, trackerCount: 400).fill($0) }
        var index = try store.trackerFilterIndex()
        let byName = try store.trackerIDs(TrackerQuery(sort: .name))
        let byID = try store.trackerIDs(TrackerQuery(sort: .id))
        let someID = String(byID[42])
        var typed: [String] = []
        for query in ["w", "wo", "won", "wonk", "wonka", "wonka ", "wonka h", "wonka ho", "wonka hol", "wonka ho", "wonka",
                      "wonk", "a", "ac", "acm", "acme j", "acme jp", "acne jp", String(someID.prefix(2)), String(someID.prefix(3)), someID,
                      someID + " w", "é", "ca", "caf", "café", "café o", "café ol", "新", "新春", "2", "21", "213", "2137", "21378"] {
            typed.append(query)
            for ids in [byName, byID] {
                var fresh = try store.trackerFilterIndex()
                let expected = try store.trackerIDs(TrackerQuery(search: query, sort: ids == byName ? .name : .id))
                #expect(index.filter(ids, by: query) == expected, "after \(typed)")
                #expect(fresh.filter(ids, by: query) == expected, "\(query)")
            }
        }
    }
}
