import ClicktraxCore
import Foundation

/// Reads the filter's texts (`TrackerFilterIndex`) on another thread as soon as the table is
/// shown, and again after every change, so the first filter keystroke finds them ready instead
/// of waiting a few hundred milliseconds at 100,000 trackers. A keystroke that comes sooner waits
/// for the read under way; if the read failed, the filter asks the store instead.
final class TrackerFilterLoader: @unchecked Sendable {
    private let condition = NSCondition()
    private var index: TrackerFilterIndex?
    private var loading = false
    /// Bumped by every start: a read that a newer one replaced is thrown away.
    private var generation = 0

    func start(_ store: any TrackerStore) {
        condition.lock()
        generation += 1
        let mine = generation
        index = nil
        loading = true
        condition.unlock()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let built = try? store.trackerFilterIndex()
            condition.lock()
            if mine == generation {
                index = built
                loading = false
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The index, once read; nil if reading it failed.
    func wait() -> TrackerFilterIndex? {
        condition.lock()
        defer { condition.unlock() }
        while loading { condition.wait() }
        return index
    }
}
