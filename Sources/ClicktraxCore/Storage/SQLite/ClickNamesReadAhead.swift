import Foundation

/// A names read started on a thread of its own as soon as it is made; `result()` waits for it.
/// The report's sums are added meanwhile on the caller's connection. If the report fails before
/// asking, the read still ends on its own (it only reads).
final class ClickNamesReadAhead: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the reading thread before `done` is signalled, read after waiting on it.
    private var outcome: Result<ClickNamesRead, any Error>?

    init(_ read: @escaping @Sendable () throws -> ClickNamesRead) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.outcome = Result { try read() }
            self.done.signal()
        }
    }

    func result() throws -> ClickNamesRead {
        done.wait()
        done.signal()  // a second ask does not block
        return try outcome!.get()
    }
}
