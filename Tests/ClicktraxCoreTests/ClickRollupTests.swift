import ClicktraxCore
import Foundation
import Testing

/// The rollups stay in step with the clicks: random imports (overlapping files with auction ids,
/// the same file again, files without auction ids that replace their window, pulled windows)
/// are mirrored by a plain model of the rules, and every report — any grouping, ranges cut at
/// odd hours — must equal the model's sums.
@Suite struct ClickRollupTests {
    struct Click: Hashable { var at: Int64, auction: UInt64, tracker: Int64, publisher: Int64, domain: String, cost: Int64 }

    static let start = ClickTime.parse("2026-11-01")!

    func file(_ clicks: [Click], auctions: Bool, in folder: URL, name: String) throws -> String {
        var text = auctions ? "datetime,auction_id,tracker_id,publisher_id,site_domain,media_buy_cost\n" : "hour,tracker_id,publisher_id,site_domain,media_buy_cost\r\n"
        for c in clicks {
            let cost = ClickCost.format(c.cost)
            text += auctions ? "\(ClickTime.format(c.at)),\(c.auction),\(c.tracker),\(c.publisher),\(c.domain),\(cost)\n"
                : "\(ClickTime.formatHour(c.at)),\(c.tracker),\(c.publisher),\(c.domain),\(cost)\r\n"
        }
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyReportEqualsTheClicksAfterRandomImports(seed: UInt64) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.open(path: folder.appendingPathComponent("db.sqlite").path)
        var random = SeededRandom(seed: seed)
        var model: [Click] = []   // what the database must hold
        func randomClicks(_ count: Int, from: Int64, hours: Int64, auctions: Bool) -> [Click] {
            (0..<count).map { _ in
                let at = from + Int64(random.next() % UInt64(hours * 3600))
                return Click(at: auctions ? at : ClickTime.startOfHour(at), auction: random.next() >> 1 + 1,
                             tracker: 100 + Int64(random.next() % 12), publisher: 7 + Int64(random.next() % 3),
                             domain: ["a.example", "b.example", "ü.example"][Int(random.next() % 3)], cost: Int64(random.next() % 2_000_000))
            }
        }
        var earlier: [Click] = []
        for step in 0..<12 {
            let from = Self.start + Int64(random.next() % 20) * ClickTime.day + Int64(random.next() % 24) * ClickTime.hour
            let hours = 1 + Int64(random.next() % 60)
            switch random.next() % 4 {
            case 0, 1: // with auction ids, sometimes overlapping what is stored
                var clicks = randomClicks(Int(random.next() % 400), from: from, hours: hours, auctions: true)
                clicks += earlier.shuffled(using: &random).prefix(Int(random.next() % 50))
                _ = try ClickImporter().run([try file(clicks, auctions: true, in: folder, name: "a\(step).csv")], into: store)
                for click in clicks where !model.contains(where: { $0.at == click.at && $0.auction == click.auction }) { model.append(click) }
                earlier = clicks
            case 2: // without: the hours from its first click to its last are replaced
                let clicks = randomClicks(1 + Int(random.next() % 300), from: from, hours: hours, auctions: false)
                _ = try ClickImporter().run([try file(clicks, auctions: false, in: folder, name: "n\(step).csv")], into: store)
                let low = clicks.map(\.at).min()!, high = clicks.map(\.at).max()! + ClickTime.hour
                model.removeAll { $0.at >= low && $0.at < high }
                model += clicks
            default: // a pulled window
                let windowFrom = ClickTime.startOfHour(from), windowTo = windowFrom + hours * ClickTime.hour
                let clicks = randomClicks(Int(random.next() % 200), from: windowFrom, hours: hours, auctions: true)
                _ = try ClickImporter(window: (windowFrom, windowTo)).run([try file(clicks, auctions: true, in: folder, name: "w\(step).csv")], into: store)
                model.removeAll { $0.at >= windowFrom && $0.at < windowTo }
                model += clicks
            }
            try check(store, model, random: &random)
        }
    }

    /// A feed that repeats some clicks (same second, same auction) among new ones: they go in
    /// batches, and a batch that meets a repeat is done again one by one — each click counted once,
    /// the repeats told as already there, the sums those of the distinct clicks.
    @Test func repeatedClicksInsideOneNewFileCountOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repeats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.open(path: folder.appendingPathComponent("db.sqlite").path)
        var random = SeededRandom(seed: 9)
        var clicks: [Click] = []
        for index in 0..<300 {
            let click = Click(at: Self.start + Int64(index) * 37, auction: random.next() >> 1 + 1, tracker: 100 + Int64(index % 5),
                              publisher: 7, domain: "a.example", cost: Int64(random.next() % 2_000_000))
            clicks.append(click)
            if index % 10 == 3 { clicks.append(click) }   // 30 repeats, spread over the batches
        }
        let summary = try ClickImporter().run([try file(clicks, auctions: true, in: folder, name: "r.csv")], into: store)
        #expect(summary.added == 300)
        #expect(summary.alreadyThere == 30)
        #expect(summary.unknownTrackers.values.reduce(0, +) == 300)
        let report = try store.clickReport(ClickReportQuery(dimensions: [.tracker], from: Self.start, to: Self.start + ClickTime.day))
        #expect(report.clicks == 300)
        let distinct = Set(clicks)
        #expect(report.cost == distinct.reduce(0) { $0 + $1.cost })
        for row in report.rows {
            guard case .object(let id, _) = row.keys[0] else { continue }
            #expect(row.clicks == distinct.filter { $0.tracker == id }.count, "tracker \(id)")
        }
    }

    func check(_ store: SQLiteStore, _ model: [Click], random: inout SeededRandom) throws {
        let from = Self.start + Int64(random.next() % 400) * ClickTime.hour
        let to = from + (1 + Int64(random.next() % 600)) * ClickTime.hour
        let inRange = model.filter { $0.at >= from && $0.at < to }
        for dimensions in [[ClickDimension.tracker], [.publisher, .day], [.siteDomain], [.hour, .tracker], [.day]] {
            var query = ClickReportQuery(dimensions: dimensions, from: from, to: to)
            query.trackers = random.next() % 3 == 0 ? [100, 101, 105] : []
            let report = try store.clickReport(query)
            let kept = inRange.filter { query.trackers.isEmpty || query.trackers.contains($0.tracker) }
            var expected: [[String]: (clicks: Int, cost: Int64, first: Int64, last: Int64)] = [:]
            for click in kept {
                let key = dimensions.map { dimension -> String in
                    switch dimension {
                    case .tracker: String(click.tracker)
                    case .publisher: String(click.publisher)
                    case .siteDomain: click.domain
                    case .day: String(ClickTime.startOfDay(click.at))
                    case .hour: String(ClickTime.startOfHour(click.at))
                    default: ""
                    }
                }
                let old = expected[key] ?? (0, 0, .max, .min)
                expected[key] = (old.clicks + 1, old.cost + click.cost, min(old.first, click.at), max(old.last, click.at))
            }
            var found: [[String]: (clicks: Int, cost: Int64, first: Int64, last: Int64)] = [:]
            for row in report.rows {
                let key = row.keys.map { key -> String in
                    switch key {
                    case .object(let id, _): String(id)
                    case .domain(let domain): domain
                    case .time(let time): String(time)
                    }
                }
                found[key] = (row.clicks, row.cost, row.first, row.last)
            }
            #expect(found.count == expected.count, "\(dimensions): \(found.count) rows, expected \(expected.count)")
            for (key, value) in expected {
                let row = found[key]
                #expect(row?.clicks == value.clicks && row?.cost == value.cost && row?.first == value.first && row?.last == value.last,
                        "\(dimensions) \(key): \(String(describing: row)) expected \(value)")
            }
            #expect(report.rows.map(\.keys) == report.rows.map(\.keys).sorted { $0.lexicographicallyPrecedes($1) }, "rows in key order")
        }
    }
}
