import Synchronization

/// Lets another thread stop an import under way (the UI's Esc): the import notices within a
/// thousand records, throws `ImportCancellation.Cancelled`, and its transaction rolls back, so
/// nothing of it is written.
public final class ImportCancellation: Sendable {
    public struct Cancelled: Error, Sendable, CustomStringConvertible {
        public var description: String { "the import was cancelled: nothing was written" }
    }

    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    func check() throws {
        if isCancelled { throw Cancelled() }
    }
}
