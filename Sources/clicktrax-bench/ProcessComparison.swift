import ClicktraxCore
import Foundation

/// `clicktrax line-items search` as a whole process against `fzf --filter` over the same names
/// in a text file: each run several times, the median compared.
struct ProcessComparison {
    var clicktrax: LatencyStats
    var clicktraxPeakKilobytes: Int?
    var fzf: LatencyStats?
    var fzfPeakKilobytes: Int?

    static func run(binary: String, database: String, store: SQLiteStore, query: String, workFolder: String) throws -> ProcessComparison {
        var clicktrax: [Double] = []
        let search = [binary, "--database", database, "line-items", "search", query]
        // One warm-up run each: both then read their files from the page cache.
        for round in 0...5 {
            let run = try Spawned.run(search)
            guard run.status == 0 else { throw BenchFailure("clicktrax line-items search exited with \(run.status)") }
            if round > 0 { clicktrax.append(run.seconds * 1000) }
        }
        let peak = try Spawned.peakKilobytes(search, workFolder: workFolder)
        guard let fzfPath = which("fzf") else {
            return ProcessComparison(clicktrax: LatencyStats(clicktrax), clicktraxPeakKilobytes: peak, fzf: nil, fzfPeakKilobytes: nil)
        }
        let names = workFolder + "/line-item-names.txt"
        if !FileManager.default.fileExists(atPath: names) {
            let text = try store.allLineItems().map(\.name).joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: names))
        }
        var fzf: [Double] = []
        for round in 0...3 {
            let run = try Spawned.run([fzfPath, "--filter", query], stdin: names)
            if round > 0 { fzf.append(run.seconds * 1000) }
        }
        let fzfPeak = try Spawned.peakKilobytes([fzfPath, "--filter", query], stdin: names, workFolder: workFolder)
        return ProcessComparison(clicktrax: LatencyStats(clicktrax), clicktraxPeakKilobytes: peak, fzf: LatencyStats(fzf), fzfPeakKilobytes: fzfPeak)
    }

    static func which(_ command: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(command)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
