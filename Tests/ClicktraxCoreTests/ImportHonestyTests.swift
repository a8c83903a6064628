import Foundation
import Testing
@testable import ClicktraxCore

/// What a file says must be what the import does: every way of saying two things at once (a key
/// twice, an id twice, two kinds, two columns of one name), ids in a notation the decoder would
/// quietly round, a text too big to decode — each named, on the whole-page reader and on the
/// streamed one alike. In one record of an API page it skips that record (RULES.md §10: one odd
/// object never stops the rest); in the page itself it refuses the file. A byte order mark
/// before JSON is no problem at all.
@Suite struct ImportHonestyTests {
    func file(_ text: String, _ name: String = "page.json") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clicktrax-honesty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The problems of reading `text`, whole (a small page) and streamed (as a big one is).
    func problems(_ text: String, name: String = "page.json") throws -> (whole: [ImportProblem], streamed: [ImportProblem]) {
        let (whole, streamed) = try outcomes(text, name: name)
        return (whole.problems, streamed.problems)
    }

    /// All that reading `text` found, whole and streamed, with the ids of the records kept.
    func outcomes(_ text: String, name: String = "page.json") throws -> (whole: ImportFileReader.Outcome, streamed: ImportFileReader.Outcome) {
        let path = try file(text, name)
        var reader = ImportFileReader(path: path, publisherForPaymentRules: nil, csvKind: nil)
        let whole = reader.read { _ in }
        reader.streamAbove = 0
        return (whole, reader.read { _ in })
    }

    func keptIds(_ text: String) throws -> [Int64?] {
        let path = try file(text)
        return ImportFileReader(path: path, publisherForPaymentRules: nil, csvKind: nil).read().records.map(\.id)
    }

    func page(_ list: String, kind: String = "line-items") -> String {
        #"{"response": {"status": "OK", "count": 1, "\#(kind)": [\#(list)]}}"#
    }

    @Test func idsWrittenAsExponentsFractionsOrNegativesSkipTheirRecordNamingIt() throws {
        for written in ["1e3", "2.0", "1000.5", "-4", "1E+3"] {
            let text = page(#"{"id": 7, "name": "ok"}, {"id": \#(written), "name": "x", "advertiser_id": 1}"#)
            let (whole, streamed) = try outcomes(text)
            for found in [whole, streamed] {
                #expect(found.problems.isEmpty, "\(written): \(found.problems)")
                #expect(found.skipped.count == 1, "\(written): \(found.skipped)")
                #expect(found.skipped.first?.hasPrefix("line item (record 1): id: an id must be a whole number") == true, "\(found.skipped)")
                #expect(found.skipped.first?.contains("written as digits (got \(written))") == true, "\(found.skipped)")
            }
            #expect(try keptIds(text) == [7], "the other record is kept")
        }
        // A reference inside a tracker is an id too.
        let tracker = #"{"id": 5, "name": "t", "line_item": {"id": 2.0, "name": "x"}, "publisher": {"id": 3, "name": "p"}}"#
        let (whole, streamed) = try outcomes(page(tracker, kind: "clicktrackers"))
        #expect(whole.skipped.first?.contains("line_item.id") == true && streamed.skipped.first?.contains("line_item.id") == true,
                "\(whole.skipped) \(streamed.skipped)")
        // Numbers that are not ids keep any notation.
        let (fine, _) = try problems(page(#"{"id": 9, "name": "n", "revenue_value": 2.5e0}"#))
        #expect(fine.isEmpty, "\(fine)")
    }

    @Test func aKeyTwiceAnIdTwiceAndTwoKindsAreEachNamed() throws {
        let twiceKey = try outcomes(page(#"{"id": 1, "name": "a", "name": "b"}, {"id": 2, "name": "c"}"#))
        for found in [twiceKey.whole, twiceKey.streamed] {
            #expect(found.problems.isEmpty && found.skipped.count == 1, "\(found.problems) \(found.skipped)")
            #expect(found.skipped.first?.hasPrefix("line item 1: name: the key “name” appears twice") == true, "\(found.skipped)")
        }
        // Escaped, the same key is still the same key.
        let escaped = try outcomes(page(#"{"id": 1, "i\u0064": 2, "name": "b"}"#))
        #expect(escaped.whole.skipped.first?.contains("“id” appears twice") == true, "\(escaped.whole.skipped)")

        let twiceId = try problems(page(#"{"id": 1, "name": "a"}, {"id": 2, "name": "b"}, {"id": 1, "name": "c"}"#))
        for found in [twiceId.whole, twiceId.streamed] {
            #expect(found.count == 1 && found[0].place == "record 2" && found[0].message.contains("line item 1 comes twice in this file"), "\(found)")
        }
        let csvTwice = try problems("id,name\n4,a\n4,b\n", name: "advertisers.csv")
        #expect(csvTwice.whole.count == 1 && csvTwice.whole[0].place == "line 3", "\(csvTwice.whole)")

        let twoKinds = page(#"{"id": 1, "name": "a"}"#).replacingOccurrences(of: "]}}", with: #"], "publishers": [{"id": 3, "name": "p"}]}}"#)
        let kinds = try problems(twoKinds)
        for found in [kinds.whole, kinds.streamed] {
            #expect(found.count == 1 && found[0].message.contains("holds both line-items and publishers"), "\(found)")
        }
        let listTwice = page(#"{"id": 1, "name": "a"}"#).replacingOccurrences(of: "]}}", with: #"], "line-items": [{"id": 3, "name": "p"}]}}"#)
        let lists = try problems(listTwice)
        for found in [lists.whole, lists.streamed] {
            #expect(found.count == 1 && found[0].message.contains("“line-items” appears twice"), "\(found)")
        }
    }

    @Test func unknownAndRepeatedCSVColumnsAreNamed() throws {
        let typo = try problems("id,name,stat\n4,a,active\n", name: "advertisers.csv").whole
        #expect(typo.count == 1 && typo[0].place == "line 1" && typo[0].message.contains("“stat” is not a column of advertisers"), "\(typo)")
        let twice = try problems("id,name,code,name\n4,a,,b\n", name: "publishers.csv").whole
        #expect(twice.count == 1 && twice[0].message.contains("“name” comes twice"), "\(twice)")
        let unnamed = try problems("id,name,\n4,a,\n", name: "publishers.csv").whole
        #expect(unnamed.count == 1 && unnamed[0].message.contains("column 3 has no name"), "\(unnamed)")
        // What `--format csv` writes for trackers — the names of what they refer to too — imports.
        let header = Tracker.csvHeader.joined(separator: ",")
        #expect(CSVColumns.headerProblem(kind: .clickTracker, columns: Tracker.csvHeader) == nil, "\(header)")
    }

    @Test func aByteOrderMarkBeforeJSONIsJSON() throws {
        let path = try file("\u{FEFF}" + page(#"{"id": 12, "name": "BOM"}"#))
        let read = ImportFileReader(path: path, publisherForPaymentRules: nil, csvKind: nil).read()
        #expect(read.problems.isEmpty, "\(read.problems)")
        #expect(read.records.count == 1 && read.records.first?.id == 12)
    }

    @Test func aHugeTextSkipsItsRecordWithoutBeingDecodedAndDeepNestingRefusesThePage() throws {
        for size in [(1 << 20) + 10, InvestValues.maxTextBytes + 1] {
            let name = String(repeating: "n", count: size)
            let (whole, streamed) = try outcomes(page(#"{"id": 1, "name": "\#(name)"}, {"id": 2, "name": "fine"}"#))
            for found in [whole, streamed] {
                #expect(found.problems.isEmpty && found.skipped.count == 1, "\(found.problems) \(found.skipped.count)")
                let reason = found.skipped.first ?? ""
                #expect(reason.hasPrefix("line item 1: name:") && (reason.contains("at most 1048576 (1 MB)") || reason.contains("past the 64 KB")), "\(reason.prefix(200))")
                #expect(reason.count < 300, "the text is not echoed")
            }
        }
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let nested = try problems(page(#"{"id": 1, "name": "x", "extra": \#(deep)}"#))
        #expect(nested.whole.first?.message.contains("nested more than 64 levels") == true, "\(nested.whole)")
    }

    @Test func messagesNeverNameASwiftType() throws {
        // Kept as Invest has them, or left empty and said: a name that is a list, a state that is a number.
        let odd = try outcomes(page(#"{"id": 1, "name": ["x"]}, {"id": 2, "name": "x", "state": 3}"#))
        #expect(odd.whole.problems.isEmpty && odd.whole.skipped.isEmpty)
        #expect(odd.whole.leftEmpty == ["line item 1: name: not text (an object or a list); left empty"], "\(odd.whole.leftEmpty)")
        #expect(odd.whole.legacy.lines == ["1 line item: name empty", "1 line item: state not active or inactive"], "\(odd.whole.legacy.lines)")
        let bad = [
            page(#"{"id": 1, "name": "x", "line_item": 5}"#, kind: "clicktrackers"),
            page(#"{"id": {"a": 1}, "name": "x"}"#),
            #"{"response": {"line-items": {"id": 1}}}"#,
            #"{"response": 5}"#,
            #"[1, 2]"#,
            #"{"response": {"status": "OK", "line-items": [{"id": 1, "name": "x"}"#,
        ]
        for text in bad {
            let (whole, streamed) = try outcomes(text)
            #expect(!whole.problems.isEmpty || !whole.skipped.isEmpty, "\(text)")
            for said in (whole.problems + streamed.problems).map(\.description) + whole.skipped + streamed.skipped {
                for word in ["Dictionary", "Array", "Int64", "String", "Optional", "DecodingError", "ClicktraxCore", "Swift."] {
                    #expect(!said.contains(word), "\(text): \(said)")
                }
            }
        }
    }
}
