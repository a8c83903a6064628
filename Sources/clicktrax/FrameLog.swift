import Foundation
import TerminalUI

/// `CLICKTRAX_FRAME_LOG=FILE`: how fast the screen answers, for `clicktrax-bench` and anyone
/// chasing a slow frame. One line per frame — `first-frame-unix-ns N` for the first (the
/// benchmark subtracts the moment it started the process), then `frame MICROSECONDS EVENT` —
/// and `peak-rss-kb N` when the app ends.
final class FrameLog {
    private let handle: FileHandle

    init?(path: String) {
        guard !path.isEmpty, FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { return nil }
        self.handle = handle
    }

    func record(_ event: InputEvent?, _ took: Duration) {
        guard let event else {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            write("first-frame-unix-ns \(Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))")
            return
        }
        let microseconds = took.components.seconds * 1_000_000 + took.components.attoseconds / 1_000_000_000_000
        write("frame \(microseconds) \(String(describing: event).filter { !$0.isWhitespace && !$0.isNewline })")
    }

    func finish() {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }?
            .split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "?"
        write("peak-rss-kb \(peak)")
        // The log is a benchmark's aid; closing it cannot hurt the session.
        try? handle.close()
    }

    private func write(_ line: String) {
        handle.write(Data((line + "\n").utf8))
    }
}
