import Foundation
import Testing
@testable import ClicktraxCore

/// Operators type the start of an IO number or a code (issue 30, point 5): `749`, `WNK-HOL-JP-74`,
/// `wnk-hol` find their line items — any case, with or without the separators — after the exact
/// matches and before the names.
@Suite struct LineItemStartSearchTests {
    static func store() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try store.load { loader in
            try loader.add(Advertiser(id: 1, name: "Wonka"))
            try loader.add(Advertiser(id: 2, name: "Acme"))
            let items: [(Int64, String?, String, Int64)] = [
                (74957, "WNK-HOL-JP-74957", "Wonka Holiday – JP", 1),
                (74958, "WNK-HOL-IT-74958", "Wonka Holiday – IT", 1),
                (7495, "ACM-BTS-7495", "Acme Back to School", 2),
                (749, nil, "Acme short id", 2),
                (12749, "wnkhol-legacy", "Older one – wnk hol in the name", 1),
                (88, "Ê-LEGACY", "A legacy code", 2),
            ]
            for (id, code, name, advertiser) in items {
                try loader.add(LineItem(id: id, code: code, name: name, advertiserId: advertiser))
            }
        }
        try store.refreshSearchIndex()
        return store
    }

    func ids(_ store: SQLiteStore, _ term: String, advertiser: Int64? = nil) throws -> [Int64] {
        try store.findLineItems(term, limit: 10, advertiser: advertiser).items.map(\.id)
    }

    @Test func theStartOfACodeInAnyCaseWithOrWithoutSeparators() throws {
        let store = try Self.store()
        #expect(try ids(store, "WNK-HOL-JP-74") == [74957])
        for spelling in ["wnk-hol", "WNKHOL", "wnk_hol", "Wnk.Hol"] {
            // The codes starting with it, by code; then the name that holds the words.
            #expect(try ids(store, spelling).prefix(3) == [74958, 74957, 12749], "\(spelling)")
        }
        #expect(try ids(store, "Ê-leg") == [88], "a code Invest holds outside the rules is found too (its ASCII letters in any case)")
        #expect(try ids(store, "acm", advertiser: 1).isEmpty, "the picker's advertiser filter holds")
    }

    @Test func aBareNumberListsTheIdsStartingWithIt() throws {
        let store = try Self.store()
        // The exact id first, then longer ids by length, then codes and names holding the digits.
        #expect(try ids(store, "749").prefix(4) == [749, 7495, 74957, 74958])
        #expect(try ids(store, "7495") == [7495, 74957, 74958])
        #expect(try ids(store, "7495", advertiser: 1) == [74957, 74958])
    }

    @Test func exactMatchesComeFirstAndNamesAfter() throws {
        let store = try Self.store()
        #expect(try ids(store, "wnkhol-legacy").first == 12749, "the exact code before the codes that start with it")
        #expect(try ids(store, "12749") == [12749])
    }
}

extension LineItemStartSearchTests {
    /// A bulk load rebuilds the line item indexes but the codes' (an import's time is its data's):
    /// a search by the start of a code still finds them, by a scan, and the first full refresh
    /// makes the index, after which the same search answers the same.
    @Test func theCodesIndexIsTheFirstSearchesAfterABulkLoad() throws {
        let store = try SQLiteStore.inMemory()
        try store.load(bulk: true) { loader in
            try loader.add(Advertiser(id: 1, name: "Wonka"))
            for n in 0..<50 { try loader.add(LineItem(id: Int64(1000 + n), code: "WNK-\(n)", name: "Item \(n)", advertiserId: 1)) }
        }
        func hasIndex() throws -> Bool {
            try store.read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'line_item_by_code_key')") ?? false
            }
        }
        #expect(try !hasIndex())
        let scanned = try ids(store, "wnk4")
        let expected: [Int64] = [1004] + (40...48).map { Int64(1000 + $0) }
        #expect(scanned == expected, "the limit of 10: \(scanned)")
        try store.refreshSearchIndex()
        #expect(try hasIndex())
        #expect(try ids(store, "wnk4") == scanned)
    }
}
