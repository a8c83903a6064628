import Foundation
import GRDB
import Testing
@testable import ClicktraxCore

@Suite struct ImportStreamTests {
    func record(_ object: ImportRecord.Object, _ index: Int) -> ImportRecord {
        ImportRecord(object: object, file: "page.csv", place: "line \(index + 2)", origin: .operatorInput)
    }

    @Test func aBulkImportRebuildsTheIndexesAndFindsDuplicateCodesAtTheEnd() throws {
        let store = try TestCatalog.store()
        let items = (0..<50).map { LineItem(id: 5000 + Int64($0), code: "C-\($0)", name: "Item \($0)", advertiserId: 1) }
        let summary = try store.importStream(dryRun: false, bulk: true) { sink in
            items.enumerated().forEach { sink(record(.lineItem($0.element), $0.offset)) }
            return []
        }
        #expect(summary.counts[.lineItem]?.created == 50)
        let indexes = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'line_item' AND sql IS NOT NULL")
        }
        #expect(Set(indexes) == ["line_item_by_search_name", "line_item_by_code"])
        #expect(try store.searchLineItems("c-7", limit: 5).first?.id == 5007)

        let clash = [LineItem(id: 6000, code: "DUP", name: "One", advertiserId: 1), LineItem(id: 6001, code: "dup", name: "Two", advertiserId: 1)]
        do {
            _ = try store.importStream(dryRun: false, bulk: true) { sink in
                clash.enumerated().forEach { sink(record(.lineItem($0.element), $0.offset)) }
                return []
            }
            Issue.record("duplicate codes must be refused")
        } catch let failure as ImportFailure {
            #expect(failure.problems.count == 1)
            #expect(failure.problems[0].description.contains("is the code of several line items of advertiser 1"))
        }
        #expect(try store.lineItem(id: 6000) == nil, "nothing was written")
        let after = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'line_item' AND sql IS NOT NULL")
        }
        #expect(after == 2, "the rollback kept the indexes")
    }

    @Test func referencesMayPointForward() throws {
        let store = try SQLiteStore.inMemory()
        let records: [ImportRecord] = [
            record(.tracker(nil, draft: TrackerDraft(name: "Early", lineItemId: 7, publisherId: 8), id: 1, memberId: nil, kind: .click), 0),
            record(.placement(Placement(id: 9, name: "Slot", publisherId: 8)), 1),
            record(.lineItem(LineItem(id: 7, name: "Late line item")), 2),
            record(.publisher(Publisher(id: 8, name: "Late publisher")), 3),
        ]
        let summary = try store.importStream(dryRun: false, bulk: false) { sink in
            records.forEach(sink)
            return []
        }
        #expect(summary.counts[.clickTracker]?.created == 1 && summary.counts[.placement]?.created == 1)
        #expect(try store.tracker(id: 1)?.publisher.name == "Late publisher")
    }
}

@Suite struct CSVReaderTests {
    func records(_ text: String, chunk: Int? = nil) throws -> [([String], Int)] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var reader = CSVReader(handle: handle)
        var result: [([String], Int)] = []
        while let record = try reader.next() { result.append((record.fields, record.line)) }
        return result
    }

    /// A 32 MB field is refused as soon as it passes the cap, naming its line — not parsed
    /// again with every chunk (that was quadratic: a 64 MB field took 18 s).
    @Test func aRecordPastTheCapIsRefusedFastNamingItsLine() throws {
        let text = "id,name\n1,ok\n2,\"" + String(repeating: "x", count: 32 << 20) + "\"\n"
        let started = Date()
        #expect(throws: CSVReader.Failure.self) { try records(text) }
        #expect(Date().timeIntervalSince(started) < 10, "refused in \(Date().timeIntervalSince(started)) s")
        do {
            _ = try records(text)
        } catch CSVReader.Failure.recordTooLong(let line) {
            #expect(line == 3)
        }
    }

    @Test func quotedFieldsLineBreaksAndLineNumbers() throws {
        let text = "\u{FEFF}id,name\r\n1,\"a, \"\"quoted\"\"\nname\"\r\n2,plain\n3,last"
        let parsed = try records(text)
        #expect(parsed.map(\.0) == [["id", "name"], ["1", "a, \"quoted\"\nname"], ["2", "plain"], ["3", "last"]])
        #expect(parsed.map(\.1) == [1, 2, 4, 5])
    }

    @Test func recordsSpanningChunksReadWhole() throws {
        // Records longer than a chunk, and a chunk boundary inside a quoted field.
        let long = String(repeating: "x", count: CSVReader.chunkSize + 10)
        let text = "id,name\n1,\"\(long)\"\n2,\"b\"\"c\"\n"
        let parsed = try records(text)
        #expect(parsed.count == 3 && parsed[1].0[1].count == long.count && parsed[2].0 == ["2", "b\"c"])
    }

    @Test func anUnterminatedQuoteIsAnError() throws {
        #expect(throws: CSVReader.Failure.self) { try records("id,name\n1,\"never closed\n") }
    }
}

@Suite struct JSONStreamingTests {
    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func streamed(_ text: String) throws -> ([ImportRecord], [ImportProblem]) {
        var reader = ImportFileReader(path: try file(text), publisherForPaymentRules: 7, csvKind: nil)
        reader.streamAbove = 0
        return reader.read()
    }

    @Test func aBigPageIsReadElementByElementWithTheSameResult() throws {
        let page = """
            {"response": {"status": "OK", "count": 3, "start_element": null, "num_elements": null, "note": "a [tricky] {string} \\" here",
              "line-items": [{"id": 1, "name": "One {with braces}", "extra": {"nested": [1, {"deep": "]"}]}},
                             {"id": 2, "name": "Two \\"quoted\\""}, {"id": 3, "name": "Three", "state": "inactive"}]}}
            """
        let (records, problems) = try streamed(page)
        #expect(problems.isEmpty)
        let names = records.compactMap { record -> String? in
            if case .lineItem(let item) = record.object { return item.name }
            return nil
        }
        #expect(names == ["One {with braces}", "Two \"quoted\"", "Three"])
        #expect(records.map(\.place) == ["record 0", "record 1", "record 2"])
        let whole = ImportFileReader(path: try file(page), publisherForPaymentRules: nil, csvKind: nil).read()
        #expect(whole.records.count == 3)
    }

    @Test func badElementsTruncationAndOtherShapes() throws {
        // An element without a usable id is skipped and named; the others are kept.
        var reader = ImportFileReader(path: try file("{\"response\": {\"publishers\": [{\"id\": 1, \"name\": \"ok\"}, {\"id\": \"x\", \"name\": \"bad\"}]}}"),
                                      publisherForPaymentRules: 7, csvKind: nil)
        reader.streamAbove = 0
        var kept: [ImportRecord] = []
        let bad = reader.read { kept.append($0) }
        #expect(kept.count == 1 && bad.problems.isEmpty)
        #expect(bad.skipped == ["publisher x: id: not a whole number (got “x”)"], "\(bad.skipped)")
        let truncated = try streamed("{\"response\": {\"publishers\": [{\"id\": 1, \"name\": \"ok\"}, {\"id\": 2, \"na")
        #expect(truncated.1.last?.message.contains("truncated") == true)
        // Not a plain list: read whole instead, same answers as always.
        let error = try streamed("{\"response\": {\"error_id\": \"SYNTAX\", \"error\": \"Bad\"}}")
        #expect(error.1.first?.message == "the API answered an error: SYNTAX: Bad")
        let single = try streamed("{\"response\": {\"publisher\": {\"id\": 9, \"name\": \"Solo\"}}}")
        #expect(single.0.count == 1 && single.1.isEmpty)
        let rules = try streamed("{\"response\": {\"payment-rules\": [{\"id\": 5, \"name\": \"Rev\"}]}}")
        if case .paymentRule(let rule)? = rules.0.first?.object { #expect(rule.publisherId == 7) } else { Issue.record("no rule") }
    }
}
