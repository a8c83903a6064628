import ClicktraxCore
import Foundation

/// The benchmark's Clicktrackers Feed: `rows` clicks over 30 days in time order, as Invest's
/// download has them, over the catalog's trackers with Zipf-like popularity (exponent 1: the
/// top tracker gets about 8 % of the clicks, every tracker has some), each click on one of
/// three domains of its publisher. Generated once per size and reused.
enum ClickFeedFile {
    static let days: Int64 = 30
    /// The feed ends at the start of this day (UTC): fixed, so runs compare.
    static let end = ClickTime.parse("2026-11-30")!

    static func prepare(path: String, rows: Int, store: SQLiteStore) throws {
        if FileManager.default.fileExists(atPath: path) {
            print("click feed   \(path): \(Format.count(rows)) clicks (reused)")
            return
        }
        print("click feed   generating \(Format.count(rows)) clicks into \(path)…")
        let started = Date()
        let ids = try store.trackerIDs(TrackerQuery())
        var trackers: [Tracker] = []
        for start in stride(from: 0, to: ids.count, by: 5_000) {
            trackers += try store.trackers(ids: Array(ids[start..<min(ids.count, start + 5_000)]))
        }
        var random = SeededRandom(seed: 42)
        trackers.shuffle(using: &random)
        // Cumulative weights 1/rank, for drawing a tracker by binary search.
        var cumulative: [Double] = []
        var sum = 0.0
        for rank in 1...trackers.count {
            sum += 1 / Double(rank)
            cumulative.append(sum)
        }
        let temporary = path + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw BenchFailure("cannot create \(temporary)")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 23)
        buffer += Array("datetime,auction_id,tracker_id,line_item_id,publisher_id,tag_id,site_domain,media_buy_cost\r\n".utf8)
        let start = end - days * ClickTime.day
        let span = Double(days * ClickTime.day)
        for index in 0..<rows {
            let at = start + Int64(Double(index) / Double(rows) * span)
            let draw = Double.random(in: 0..<sum, using: &random)
            var low = 0, high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < draw { low = middle + 1 } else { high = middle }
            }
            let tracker = trackers[low]
            let domain = Int.random(in: 0..<3, using: &random)
            let cost = Int.random(in: 0..<5_000, using: &random)
            let line = "\(ClickTime.format(at)),\(UInt64.random(in: 1...(UInt64(1) << 62), using: &random)),\(tracker.id),"
                + "\(tracker.lineItem.id),\(tracker.publisher.id),\(tracker.tag?.id ?? 0),site\(domain).publisher-\(tracker.publisher.id).example,"
                + "0.\(cost < 10 ? "000" : cost < 100 ? "00" : cost < 1000 ? "0" : "")\(cost)\r\n"
            buffer += Array(line.utf8)
            if buffer.count > 1 << 22 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        try handle.close()
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        print("             generated in \(Format.seconds(Date().timeIntervalSince(started)))")
    }
}
