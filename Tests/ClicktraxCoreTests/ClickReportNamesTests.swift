import ClicktraxCore
import Foundation
import Testing

/// Names beside ids in a report of more trackers than are looked up one by one: read by a scan
/// of the table on a second connection while the sums are added, placed by a table of ids (ids
/// close together) or by bisection (far apart) — every row must carry its own tracker's name,
/// an unknown tracker none, and the sums must not move.
@Suite struct ClickReportNamesTests {
    @Test(arguments: [false, true])
    func everyRowOfABigReportHasItsOwnTrackersName(farUnknownTracker: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.open(path: folder.appendingPathComponent("db.sqlite").path)
        try store.load { _ = try DemoCatalog(lineItemCount: 50, trackerCount: 2_600).fill($0) }
        let trackers = try store.trackers(TrackerQuery())
        #expect(trackers.count == 2_600)

        // One click per tracker (two for every seventh), plus unknown trackers.
        let unknown: [Int64] = farUnknownTracker ? [9_000_000_000_000] : [DemoCatalog.firstTrackerId + 5_000]
        var text = "datetime,auction_id,tracker_id,media_buy_cost\n"
        var expected: [Int64: Int] = [:]
        for (index, tracker) in trackers.enumerated() {
            for copy in 0..<(index % 7 == 0 ? 2 : 1) {
                text += "2026-11-20 \(10 + copy):00:00,\(index * 2 + copy + 1),\(tracker.id),0.5\n"
                expected[tracker.id, default: 0] += 1
            }
        }
        for (index, id) in unknown.enumerated() {
            text += "2026-11-20 12:00:00,\(900_000 + index),\(id),0.25\n"
            expected[id] = 1
        }
        let feed = folder.appendingPathComponent("feed.csv").path
        try text.write(toFile: feed, atomically: true, encoding: .utf8)
        _ = try ClickImporter().run([feed], into: store)

        let report = try store.clickReport(ClickReportQuery(dimensions: [.tracker]))
        let names = Dictionary(uniqueKeysWithValues: trackers.map { ($0.id, $0.name) })
        #expect(report.rows.count == expected.count)
        var seen = 0
        for row in report.rows {
            guard case .object(let id, let name) = row.keys[0] else {
                Issue.record("not an object key: \(row.keys)")
                continue
            }
            #expect(name == names[id], "tracker \(id)")
            #expect(row.clicks == expected[id], "tracker \(id)")
            seen += 1
        }
        #expect(seen == expected.count)
        #expect(report.clicks == expected.values.reduce(0, +))
        // Sorted by id, as every report by one dimension is.
        let ids = report.rows.indices.compactMap { report.rows.id($0, at: 0) }
        #expect(ids == ids.sorted())
    }
}
