import ClicktraxCore
import Foundation

/// The Click Trackers filter in process, key by key as typed ("wonka", then a second word):
/// what the in-memory index costs per keystroke, apart from the frame around it.
enum FilterSteps {
    static func run(database: String) throws -> [(query: String, ms: Double, shown: Int)] {
        let store = try SQLiteStore.open(path: database)
        let ids = try store.trackerIDs(TrackerQuery())
        var index = try store.trackerFilterIndex()
        index.prepare(for: ids)
        var steps: [(String, Double, Int)] = []
        for query in ["w", "wo", "won", "wonk", "wonka", "wonka j", "wonka jp", "e", "21"] {
            let started = DispatchTime.now()
            let shown = index.filter(ids, by: query).count
            steps.append((query, Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6, shown))
        }
        return steps
    }
}
