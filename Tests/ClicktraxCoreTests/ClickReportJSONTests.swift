import ClicktraxCore
import Foundation
import Testing

/// `report --format json` is written a chunk of rows at a time: whatever the chunk, the pieces
/// make the one document JSONSerialization would print for the whole report (checked by reading
/// it back and printing it again), and a big report arrives in many pieces, never as one.
@Suite struct ClickReportJSONTests {
    static func store(clicks trackers: Int) throws -> SQLiteStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.inMemory()
        try store.load { _ = try DemoCatalog(lineItemCount: 50, trackerCount: 30, seed: 1).fill($0) }
        var text = "datetime,auction_id,tracker_id,site_domain,media_buy_cost\n"
        for index in 0..<trackers {
            for day in 0..<3 {
                text += "2026-11-\(20 + day) 1\(index % 10):00:00,\(index * 10 + day + 1),\(DemoCatalog.firstTrackerId + Int64(index)),news.example,0.3\n"
            }
        }
        let feed = folder.appendingPathComponent("feed.csv").path
        try text.write(toFile: feed, atomically: true, encoding: .utf8)
        if trackers > 0 { _ = try ClickImporter().run([feed], into: store) }
        return store
    }

    static func canonical(_ text: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    @Test(arguments: [[ClickDimension.tracker], [.tracker, .day], [.siteDomain, .hour]])
    func thePiecesMakeTheWholeDocumentWhateverTheChunk(_ dimensions: [ClickDimension]) throws {
        let store = try Self.store(clicks: 11)
        let document = ClickReportDocument(try store.clickReport(ClickReportQuery(dimensions: dimensions)))
        #expect(document.report.rows.count >= 3)
        var outputs: Set<String> = []
        for chunkSize in [1, 2, 3, 7, 512] {
            var pieces: [String] = []
            try document.writeJSON({ pieces.append($0) }, chunkSize: chunkSize)
            let text = pieces.joined()
            #expect(try text == Self.canonical(text), "chunks of \(chunkSize): not the document JSONSerialization prints")
            if chunkSize == 1 { #expect(pieces.count == document.report.rows.count + 2, "one piece a row between the frame's two") }
            outputs.insert(text)
        }
        #expect(outputs.count == 1, "the chunk size changed the bytes")
        let parsed = try JSONSerialization.jsonObject(with: Data(outputs.first!.utf8)) as? [String: Any]
        let response = try #require(parsed?["response"] as? [String: Any])
        let rows = try #require((response["report"] as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(rows.count == document.report.rows.count && response["count"] as? Int == rows.count)
    }

    @Test func anEmptyReportIsStillOneDocument() throws {
        let document = ClickReportDocument(try Self.store(clicks: 0).clickReport(ClickReportQuery(dimensions: [.tracker])))
        #expect(document.report.rows.isEmpty)
        var text = ""
        try document.writeJSON { text += $0 }
        #expect(try text == Self.canonical(text))
        #expect(text.contains("\"rows\" : ["))
    }
}
