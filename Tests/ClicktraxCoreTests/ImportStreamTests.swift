import Foundation
import GRDB
import Testing
@testable import ClicktraxCore

@Suite struct ImportStreamTests {
    func record(_ object: ImportRecord.Object, _ index: Int) -> ImportRecord {
        ImportRecord(object: object, file: "page.json", place: "record \(index)")
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
            record(.tracker(nil, draft: TrackerDraft(name: "Early", lineItemId: 7, publisherId: 8), id: 1, memberId: nil), 0),
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
