import Synchronization

/// Where background work leaves its results for the loop, which drains it every turn (it wakes
/// at least every 100 ms). Counts the work still out, so a test can wait for it to settle.
public final class Inbox: Sendable {
    private let messages = Mutex<[AppMessage]>([])
    private let outstanding = Atomic<Int>(0)
    private let closed = Atomic<Bool>(false)

    public init() {}

    public func post(_ message: AppMessage) {
        messages.withLock { $0.append(message) }
    }

    /// Everything posted since the last call, oldest first.
    public func drain() -> [AppMessage] {
        messages.withLock { queued in
            defer { queued.removeAll() }
            return queued
        }
    }

    /// A piece of background work starts; `finished` when its last message is posted.
    func started() { outstanding.add(1, ordering: .sequentiallyConsistent) }
    func finished() { outstanding.subtract(1, ordering: .sequentiallyConsistent) }

    /// Background work still running (not the database watch, which never ends by itself).
    public var isBusy: Bool { outstanding.load(ordering: .sequentiallyConsistent) > 0 }

    /// The loop has ended: watchers stop.
    func close() { closed.store(true, ordering: .sequentiallyConsistent) }
    var isClosed: Bool { closed.load(ordering: .sequentiallyConsistent) }
}
