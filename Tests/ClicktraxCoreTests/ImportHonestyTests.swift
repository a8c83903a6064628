import Foundation
import Testing
@testable import ClicktraxCore

/// What a file says must be what the import does: every way of saying two things at once (a key
/// twice, an id twice, two kinds, two columns of one name), ids in a notation the decoder would
/// quietly round, a text too big to decode — each a named problem, on the whole-page reader and
/// on the streamed one alike; a byte order mark before JSON is no problem at all.
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
        let path = try file(text, name)
        var reader = ImportFileReader(path: path, publisherForPaymentRules: nil, csvKind: nil)
        let whole = reader.read().problems
        reader.streamAbove = 0
        return (whole, reader.read().problems)
    }

    func page(_ list: String, kind: String = "line-items") -> String {
        #"{"response": {"status": "OK", "count": 1, "\#(kind)": [\#(list)]}}"#
    }

    @Test func idsWrittenAsExponentsFractionsOrNegativesAreRefusedNamingTheRecord() throws {
        for written in ["1e3", "2.0", "1000.5", "-4", "1E+3"] {
            let (whole, streamed) = try problems(page(#"{"id": 7, "name": "ok"}, {"id": \#(written), "name": "x", "advertiser_id": 1}"#))
            for found in [whole, streamed] {
                #expect(found.count == 1, "\(written): \(found)")
                #expect(found.first?.place == "record 1" && found.first?.field == "id", "\(written): \(found)")
                #expect(found.first?.message.contains("written as digits (got \(written))") == true, "\(found)")
            }
        }
        // A reference inside a tracker is an id too.
        let tracker = #"{"id": 5, "name": "t", "line_item": {"id": 2.0, "name": "x"}, "publisher": {"id": 3, "name": "p"}}"#
        let (whole, streamed) = try problems(page(tracker, kind: "clicktrackers"))
        #expect(whole.first?.field == "line_item.id" && streamed.first?.field == "line_item.id", "\(whole) \(streamed)")
        // Numbers that are not ids keep any notation.
        let (fine, _) = try problems(page(#"{"id": 9, "name": "n", "revenue_value": 2.5e0}"#))
        #expect(fine.isEmpty, "\(fine)")
    }

    @Test func aKeyTwiceAnIdTwiceAndTwoKindsAreEachNamed() throws {
        let twiceKey = try problems(page(#"{"id": 1, "name": "a", "name": "b"}"#))
        for found in [twiceKey.whole, twiceKey.streamed] {
            #expect(found.count == 1 && found[0].place == "record 0" && found[0].field == "name", "\(found)")
            #expect(found[0].message.contains("appears twice"))
        }
        // Escaped, the same key is still the same key.
        let escaped = try problems(page(#"{"id": 1, "i\u0064": 2, "name": "b"}"#))
        #expect(escaped.whole.first?.message.contains("“id” appears twice") == true, "\(escaped.whole)")

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
        let header = ClickTracker.csvHeader.joined(separator: ",")
        #expect(CSVColumns.headerProblem(kind: .clickTracker, columns: ClickTracker.csvHeader) == nil, "\(header)")
    }

    @Test func aByteOrderMarkBeforeJSONIsJSON() throws {
        let path = try file("\u{FEFF}" + page(#"{"id": 12, "name": "BOM"}"#))
        let read = ImportFileReader(path: path, publisherForPaymentRules: nil, csvKind: nil).read()
        #expect(read.problems.isEmpty, "\(read.problems)")
        #expect(read.records.count == 1 && read.records.first?.id == 12)
    }

    @Test func aHugeTextIsRefusedWithoutBeingDecodedAndDeepNestingToo() throws {
        let name = String(repeating: "n", count: (1 << 20) + 10)
        let (whole, streamed) = try problems(page(#"{"id": 1, "name": "\#(name)"}"#))
        for found in [whole, streamed] {
            #expect(found.count == 1 && found[0].place == "record 0" && found[0].message.contains("at most 1048576 (1 MB)"), "\(found.map(\.message))")
            #expect((found.first?.description.count ?? 0) < 300, "the text is not echoed")
        }
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let nested = try problems(page(#"{"id": 1, "name": "x", "extra": \#(deep)}"#))
        #expect(nested.whole.first?.message.contains("nested more than 64 levels") == true, "\(nested.whole)")
    }

    @Test func messagesNeverNameASwiftType() throws {
        let bad = [
            page(#"{"id": 1, "name": "x", "line_item": 5}"#, kind: "clicktrackers"),
            page(#"{"id": 1, "name": ["x"]}"#),
            page(#"{"id": {"a": 1}, "name": "x"}"#),
            page(#"{"id": 1, "name": "x", "state": 3}"#),
            #"{"response": {"line-items": {"id": 1}}}"#,
            #"{"response": 5}"#,
            #"[1, 2]"#,
            #"{"response": {"status": "OK", "line-items": [{"id": 1, "name": "x"}"#,
        ]
        for text in bad {
            let (whole, streamed) = try problems(text)
            #expect(!whole.isEmpty, "\(text)")
            for problem in whole + streamed {
                for word in ["Dictionary", "Array", "Int64", "String", "Optional", "DecodingError", "ClicktraxCore", "Swift."] {
                    #expect(!problem.description.contains(word), "\(text): \(problem)")
                }
            }
        }
    }
}
