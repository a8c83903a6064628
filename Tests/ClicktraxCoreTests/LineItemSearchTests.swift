import Foundation
import Testing
@testable import ClicktraxCore

/// Line item search through the index: what ranks where, what matches at all, and that the
/// index always agrees with reading every name.
@Suite struct LineItemSearchTests {
    static let names: [(Int64, String)] = [
        (1, "Holiday"),                              // exact
        (2, "Holiday Sale – JP"),                    // name starts with the query
        (3, "Acme Holiday – JP"),                    // the word starts a word
        (4, "Acme_holiday banner"),                  // starts a word after punctuation
        (5, "Wonka Superholiday – US"),              // only inside a word
        (6, "Zürich Uhren Été – DE"),
        (7, "東京ラーメン 新春セール　2026"),            // ideographic space between words
        (8, "Globex\u{00A0}Summer"),                 // no-break space between words
        (9, "Initech Spring Launch"),
    ]

    static func store() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try store.load { loader in
            try loader.add(Advertiser(id: 1, name: "A"))
            for (id, name) in names {
                try loader.add(LineItem(id: id, code: id == 9 ? "INI-SPR" : nil, name: name, advertiserId: 1))
            }
        }
        try store.refreshSearchIndex()
        return store
    }

    @Test func ranksExactThenPrefixThenWordStartThenInside() throws {
        let store = try Self.store()
        #expect(try store.searchLineItems("holiday", limit: 10).map(\.id) == [1, 2, 3, 4, 5])
        // Within a group, name order ("acme holiday – jp" before "holiday sale – jp").
        #expect(try store.searchLineItems("HOLIDAY jp", limit: 10).map(\.id) == [3, 2])
        #expect(try store.searchLineItems("jp holi", limit: 10).map(\.id) == [3, 2])
        #expect(try store.searchLineItems("holiday s", limit: 10).map(\.id) == [2, 5])
        #expect(try store.searchLineItems("iday", limit: 10).map(\.id) == [3, 4, 1, 2, 5])
        #expect(try store.searchLineItems("holiday", limit: 2).map(\.id) == [1, 2])
    }

    @Test func idAndCodeComeFirst() throws {
        let store = try Self.store()
        #expect(try store.searchLineItems("9", limit: 10).first?.id == 9)
        #expect(try store.searchLineItems("ini-spr", limit: 10).map(\.id) == [9])
    }

    @Test func foldsCaseAccentsAndWidthAndSplitsOnAnyWhiteSpace() throws {
        let store = try Self.store()
        #expect(try store.searchLineItems("zurich ete", limit: 10).map(\.id) == [6])
        #expect(try store.searchLineItems("ＺＵＲＩＣＨ", limit: 10).map(\.id) == [6])
        #expect(try store.searchLineItems("新春 2026", limit: 10).map(\.id) == [7])
        #expect(try store.searchLineItems("ラーメン", limit: 10).map(\.id) == [7])
        #expect(try store.searchLineItems("summer globex", limit: 10).map(\.id) == [8])
        #expect(try store.findLineItems("nothing like this", limit: 10).items.isEmpty)
    }

    @Test func lettersInOrderWhenNoNameHoldsEveryWord() throws {
        let store = try Self.store()
        let found = try store.findLineItems("hldy jp", limit: 10)
        #expect(found.fuzzy)
        #expect(found.items.map(\.id) == [3, 2])
        let strict = try store.findLineItems("holiday", limit: 10)
        #expect(!strict.fuzzy)
        #expect(try store.findLineItems("qqq", limit: 10).items.isEmpty)
    }

    @Test func aStaleIndexIsNeverUsedAndARefreshCatchesUp() throws {
        let store = try Self.store()
        #expect(try store.searchLineItems("spring", limit: 10).map(\.id) == [9])
        try store.load { try $0.add(LineItem(id: 9, name: "Initech Autumn Launch", advertiserId: 1)) }
        // Out of date: the names are scanned, so the rename is seen at once.
        #expect(try store.currentSearchIndex() == nil)
        #expect(try store.searchLineItems("spring", limit: 10).isEmpty)
        #expect(try store.searchLineItems("launch", limit: 10).map(\.id) == [9])
        #expect(try store.refreshSearchIndex())
        #expect(try !store.refreshSearchIndex())
        #expect(try store.currentSearchIndex() != nil)
        #expect(try store.searchLineItems("autumn", limit: 10).map(\.id) == [9])
        #expect(try store.searchLineItems("spring", limit: 10).isEmpty)
    }

    @Test func anImportOfLineItemsMarksTheIndexOutOfDate() throws {
        let store = try Self.store()
        _ = try store.importStream(dryRun: false, bulk: false) { add in
            add(ImportRecord(object: .lineItem(LineItem(id: 10, name: "Stark Winter Drive", advertiserId: 1)),
                             file: "x.json", place: "record 1", origin: .invest))
            return []
        }
        #expect(try store.currentSearchIndex() == nil)
        #expect(try store.searchLineItems("winter", limit: 10).map(\.id) == [10])
        try store.refreshSearchIndex()
        #expect(try store.searchLineItems("winter", limit: 10).map(\.id) == [10])
    }

    /// The index is exact, not a pre-filter: on random names and random queries it finds exactly
    /// the names a scan finds (every word a substring of the folded name), in rank order.
    @Test func agreesWithReadingEveryName() throws {
        var random = SeededRandom(seed: 7)
        let syllables = ["ho", "li", "day", "jp", "won", "ka", "_", "é", "東京", "-", "12", "x"]
        var names: [(Int64, String)] = []
        for id in 1...400 {
            let words = (0..<random.int(in: 1...4)).map { _ in
                (0..<random.int(in: 1...3)).map { _ in random.pick(syllables) }.joined()
            }
            names.append((Int64(id), words.joined(separator: random.chance(0.2) ? "\u{3000}" : " ")))
        }
        let store = try SQLiteStore.inMemory()
        try store.load { loader in
            try loader.add(Advertiser(id: 1, name: "A"))
            for (id, name) in names { try loader.add(LineItem(id: id, name: name, advertiserId: 1)) }
        }
        try store.refreshSearchIndex()
        for _ in 0..<300 {
            let query = (0..<random.int(in: 1...2)).map { _ in
                (0..<random.int(in: 1...2)).map { _ in random.pick(syllables) }.joined()
            }.joined(separator: " ")
            let words = TextFolding.words(of: query)
            // An ID typed as the query, and the ids starting with its digits, come first whatever
            // their names.
            let digits = query.trimmingCharacters(in: .whitespaces)
            let byID = Set(Int64(digits) == nil ? [] : names.map(\.0).filter { String($0).hasPrefix(String(Int64(digits)!)) })
            let expected = Set(names.filter { id, name in
                let folded = TextFolding.fold(name)
                return byID.contains(id) || words.allSatisfy { folded.contains($0) }
            }.map(\.0))
            let found = try store.findLineItems(query, limit: 1000)
            if expected.isEmpty {
                #expect(found.fuzzy || found.items.isEmpty, "query \(query)")
                continue
            }
            #expect(!found.fuzzy, "query \(query)")
            #expect(Set(found.items.map(\.id)) == expected, "query \(query)")
            // Rank order: tiers never go backwards.
            let tiers = found.items.filter { !byID.contains($0.id) }.map { Self.tier(of: TextFolding.fold($0.name), words: words) }
            #expect(tiers == tiers.sorted(), "query \(query): tiers \(tiers)")
        }
    }

    /// Line items renamed or added by a pull go to the index's overlay instead of a rebuild
    /// (issue 27): on random names, renames and queries, the index with its overlay answers
    /// exactly what an index rebuilt on the new names does — the same ids, in the same order,
    /// the same count — letters-in-order fallback included.
    @Test func anOverlayOfRenamedLineItemsAnswersAsARebuiltIndex() throws {
        var random = SeededRandom(seed: 11)
        let syllables = ["ho", "li", "day", "jp", "won", "ka", "_", "é", "東京", "-", "12", "x", "sum", "mer"]
        func name() -> String {
            (0..<random.int(in: 1...4)).map { _ in (0..<random.int(in: 1...3)).map { _ in random.pick(syllables) }.joined() }
                .joined(separator: " ")
        }
        var names: [Int64: String] = [:]
        for id in Int64(1)...500 { names[id] = name() }
        func loaded(_ names: [Int64: String]) throws -> SQLiteStore {
            let store = try SQLiteStore.inMemory()
            try store.load { loader in
                try loader.add(Advertiser(id: 1, name: "A"))
                for (id, name) in names.sorted(by: { $0.key < $1.key }) { try loader.add(LineItem(id: id, name: name, advertiserId: 1)) }
            }
            try store.refreshSearchIndex()
            return store
        }
        let pulled = try loaded(names)
        let built = try #require(try pulled.currentSearchIndex()?.generation)
        // A pull renames 40 and adds 10.
        var changed: [LineItem] = []
        for id in Int64(1)...40 { names[id * 7] = name(); changed.append(LineItem(id: id * 7, name: names[id * 7]!, advertiserId: 1)) }
        for id in Int64(900)..<910 { names[id] = name(); changed.append(LineItem(id: id, name: names[id]!, advertiserId: 1)) }
        let stage = try pulled.openPullStage(key: "test")
        try pulled.stage([StagedPage(list: "line-item?advertiser_id=1", count: changed.count, start: 0, objects: .lineItems(changed))],
                         owner: stage.owner)
        _ = try pulled.applyPull(PullPlan(full: false, advertisers: [1], mark: "2026-01-01 00:00:00", finishedAt: "2026-01-01 00:00:00",
                                          owner: stage.owner))
        let index = try #require(try pulled.currentSearchIndex())
        #expect(index.generation.hasPrefix(built.split(separator: "+").first.map(String.init) ?? "-"), "not rebuilt")
        #expect(index.overlay.entries.count == 50)
        let rebuilt = try loaded(names)
        for _ in 0..<300 {
            let query = (0..<random.int(in: 1...2)).map { _ in (0..<random.int(in: 1...2)).map { _ in random.pick(syllables) }.joined() }
                .joined(separator: " ") + (random.chance(0.1) ? "q" : "")
            for limit in [3, 5, 1000] {
                let mine = try pulled.findLineItems(query, limit: limit)
                let theirs = try rebuilt.findLineItems(query, limit: limit)
                #expect(mine.items.map(\.id) == theirs.items.map(\.id), "query \(query) limit \(limit)")
                #expect(mine.fuzzy == theirs.fuzzy, "query \(query)")
                #expect(mine.matching?.value == theirs.matching?.value, "query \(query) limit \(limit)")
            }
        }
    }

    /// 0 name starts with the query, 1 every word starts a word, 2 inside only.
    static func tier(of name: String, words: [String]) -> Int {
        if name.hasPrefix(words.joined(separator: " ")) { return 0 }
        let terms = SearchTerms.terms(of: name)
        let startsAWord = words.allSatisfy { word in
            terms.contains { term in
                var term = term
                return term.withUTF8 { bytes in
                    word.utf8.withContiguousStorageIfAvailable { needle in
                        var at = 0
                        while let found = SearchVocabulary.find(needle, in: bytes, from: at) {
                            if SearchTerms.startsWord(at: found, in: bytes) { return true }
                            at = found + 1
                        }
                        return false
                    } ?? false
                }
            }
        }
        return startsAWord ? 1 : 2
    }
}

@Suite struct SearchIndexPartsTests {
    @Test func postingListsRoundTripAndSwitchToABitmapWhenDense() {
        let sparse = PostingList.make([1, 5, 99], capacity: 1000)
        guard case .ordinals = sparse else { Issue.record("expected a list"); return }
        let dense = PostingList.make(Array(0..<100), capacity: 1000)
        guard case .bitmap = dense else { Issue.record("expected a bitmap"); return }
        for list in [sparse, dense] {
            let bytes = list.encoded
            let decoded = bytes.withUnsafeBytes { PostingList.decode($0, capacity: 1000) }
            var original = OrdinalSet(capacity: 1000), back = OrdinalSet(capacity: 1000)
            list.add(to: &original)
            decoded?.add(to: &back)
            #expect(original.words == back.words)
        }
    }

    @Test func damagedPostingListsAreRefused() {
        #expect([UInt8]().withUnsafeBytes { PostingList.decode($0, capacity: 10) } == nil)
        #expect([0, 1, 2].withUnsafeBytes { PostingList.decode($0, capacity: 10) } == nil)
        #expect([0, 50, 0, 0, 0].withUnsafeBytes { PostingList.decode($0, capacity: 10) } == nil)
        #expect([1, 0, 0].withUnsafeBytes { PostingList.decode($0, capacity: 10) } == nil)
        #expect([7, 0, 0, 0, 0].withUnsafeBytes { PostingList.decode($0, capacity: 10) } == nil)
    }

    @Test func ordinalSetsIterateInOrderAndCombine() {
        var a = OrdinalSet(capacity: 200), b = OrdinalSet(capacity: 200)
        for ordinal: UInt32 in [3, 64, 130, 199] { a.insert(ordinal) }
        for ordinal: UInt32 in [64, 199, 5] { b.insert(ordinal) }
        var both = a
        both.formIntersection(b)
        var seen: [UInt32] = []
        both.forEach { seen.append($0); return true }
        #expect(seen == [64, 199])
        var either = a
        either.formUnion(b)
        #expect(either.count == 5)
        either.subtract(b)
        #expect(either.count == 2)
        var first: [UInt32] = []
        a.forEach { first.append($0); return first.count < 2 }
        #expect(first == [3, 64])
    }

    @Test func vocabularyTellsWordStartsFromInsides() {
        let vocabulary = SearchVocabulary(bytes: Array("acme_q4\nholiday\nq4\nsuperholiday\nxq4\n".utf8))
        let q4 = vocabulary.terms(containing: Array("q4".utf8))
        #expect(q4.startingWord == [0, 2])
        #expect(q4.inside == [4])
        let holiday = vocabulary.terms(containing: Array("holiday".utf8))
        #expect(holiday.startingWord == [1])
        #expect(holiday.inside == [3])
    }

    @Test func fuzzyScoresTightAndWordStartingMatchesHigher() {
        func score(_ pattern: String, _ text: String) -> Int? {
            FuzzyMatch.score(Array(pattern.unicodeScalars), in: Array(text.unicodeScalars))
        }
        #expect(score("hldy", "holiday") != nil)
        #expect(score("hldy", "hydl") == nil)
        #expect(score("hol", "holiday")! > score("hol", "hxoxlx")!)
        #expect(score("day", "holiday")! < score("day", "day")!)
        #expect(score("", "x") == 0)
    }

    @Test func termsSplitOnEveryKindOfWhiteSpace() {
        #expect(SearchTerms.terms(of: "a b\u{3000}c\u{00A0}d\te\n f") == ["a", "b", "c", "d", "e", "f"])
        #expect(TextFolding.words(of: "  Café\u{3000}OLÉ ") == ["cafe", "ole"])
    }
}
