import ClicktraxCore
import Foundation

/// What the first frame waits for, step by step, in process: opening the database, the counts,
/// the ordered tracker IDs and the first screenful — where start-up time goes if it grows.
enum StartupSteps {
    static func run(database: String) throws -> [(step: String, ms: Double)] {
        var steps: [(String, Double)] = []
        func time<T>(_ step: String, _ body: () throws -> T) rethrows -> T {
            let started = DispatchTime.now()
            let result = try body()
            steps.append((step, Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6))
            return result
        }
        let store = try time("open the database") { try SQLiteStore.open(path: database) }
        _ = try time("count the trackers") { try store.trackerCount(TrackerQuery()) }
        let ids = try time("the ordered tracker IDs") { try store.trackerIDs(TrackerQuery()) }
        _ = try time("the first 45 trackers") { try store.trackers(ids: Array(ids.prefix(45))) }
        return steps
    }
}
