import Foundation

/// This process's peak resident memory (VmHWM), which Linux lets a process reset: each section
/// of the benchmark reports its own peak, not the largest so far.
enum PeakMemory {
    static func reset() {
        // "5" resets the peak RSS (Linux ≥ 4.0); if it cannot be written the peaks accumulate.
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func kilobytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
}
