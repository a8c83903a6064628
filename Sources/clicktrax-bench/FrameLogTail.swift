import Foundation

/// The app's frame log as it grows, read from where the last look stopped. Reading the whole
/// file at every poll (thousands of lines, every few milliseconds) took a share of the second
/// core from tmux, which the frames being timed wait for on a 2-core machine.
final class FrameLogTail {
    let path: String
    private var handle: FileHandle?
    private var partial: [UInt8] = []
    private(set) var lines: [String] = []

    init(path: String) { self.path = path }

    /// Starts again (the app writes a new log).
    func reset() {
        try? handle?.close()
        handle = nil
        partial = []
        lines = []
    }

    /// Reads what was added since the last call; the complete lines so far.
    func poll() -> [String] {
        if handle == nil { handle = FileHandle(forReadingAtPath: path) }
        guard let handle, let data = try? handle.readToEnd(), !data.isEmpty else { return lines }
        for byte in data {
            if byte == 10 {
                if !partial.isEmpty { lines.append(String(decoding: partial, as: UTF8.self)) }
                partial.removeAll(keepingCapacity: true)
            } else {
                partial.append(byte)
            }
        }
        return lines
    }
}
