import ClicktraxCore
import Foundation

/// Stdout written in 64 KB pieces as a listing is read: what is printed never has to fit in
/// memory at once. A failed write throws `OutputFailure`, like `ObjectPrinter.write`.
final class StandardOutputBuffer {
    private var bytes: [UInt8] = []
    private static let flushAt = 1 << 16

    init() { bytes.reserveCapacity(Self.flushAt + 4096) }

    func append(_ text: String) throws {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= Self.flushAt { try flush() }
    }

    /// Lets `body` append bytes in place (no String in between).
    func append(_ body: (inout [UInt8]) throws -> Void) throws {
        try body(&bytes)
        if bytes.count >= Self.flushAt { try flush() }
    }

    func flush() throws {
        guard !bytes.isEmpty else { return }
        defer { bytes.removeAll(keepingCapacity: true) }
        if let code = bytes.withUnsafeBytes({ AtomicFile.writeAll(Data($0), to: STDOUT_FILENO) }) { throw OutputFailure(code: code) }
    }
}
