import ClicktraxCore
import Foundation

/// The benchmark's database: the demo catalog at the asked size, generated once and reused
/// while its counts still match (a million line items and 100,000 trackers take a while).
enum BenchCatalog {
    static func prepare(path: String, lineItems: Int, trackers: Int, impressionTrackers: Int) throws -> SQLiteStore {
        if FileManager.default.fileExists(atPath: path) {
            let store = try SQLiteStore.open(path: path)
            let counts = try store.counts()
            let impressions = try store.scoped(to: .impression).trackerCount(TrackerQuery())
            if counts.lineItems == lineItems && counts.trackers == trackers && impressions == impressionTrackers {
                print("catalog      \(path): \(Format.count(lineItems)) line items, \(Format.count(trackers)) trackers, "
                      + "\(Format.count(impressionTrackers)) impression trackers (reused)")
                return store
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        print("catalog      generating \(Format.count(lineItems)) line items, \(Format.count(trackers)) trackers and "
              + "\(Format.count(impressionTrackers)) impression trackers into \(path)…")
        let store = try SQLiteStore.open(path: path)
        let started = Date()
        try store.load(bulk: true) { loader in
            var demo = DemoCatalog(lineItemCount: lineItems, trackerCount: trackers)
            demo.impressionTrackerCount = impressionTrackers
            _ = try demo.fill(loader)
        }
        print("             generated in \(Format.seconds(Date().timeIntervalSince(started)))")
        return store
    }
}
