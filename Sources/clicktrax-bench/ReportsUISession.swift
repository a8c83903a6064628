import Foundation

extension UISession {
    struct ReportsResult {
        var firstFrameMilliseconds: Double
        /// Every key on the Reports screen, from its arrival to its frame.
        var keys: LatencyStats
        /// Alt-2's own frame (the screen, before its report arrives).
        var openMilliseconds: Double
        /// From a key that asks for a report (Alt-2, b, r) to the report on screen, polled through tmux.
        var reportShown: [(what: String, ms: Double)]
        var peakKilobytes: Int
        var slowest: [(event: String, ms: Double)]
    }

    /// The Reports screen on a database with clicks: opened with Alt-2, then moved through, sorted by
    /// every column, filtered, regrouped by each dimension and its range stepped — as an operator would.
    func runReports() throws -> ReportsResult {
        guard ProcessComparison.which("tmux") != nil else { throw BenchFailure("the UI benchmark needs tmux (apt-get install -y tmux)") }
        let firstFrame = try start()
        defer { _ = try? tmux(["kill-server"]) }
        Thread.sleep(forTimeInterval: 2)

        var sent = 0
        var shown: [(String, Double)] = []
        /// Sends a key that asks for a report and waits until the totals line shows `marker`.
        func reportKey(_ key: String, _ what: String, until marker: String) throws {
            let began = Date()
            try keys([key]); sent += 1
            _ = try waitForLines(sent + 1)
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let screen = try tmuxOutput(["capture-pane", "-p", "-t", "bench:ui"])
                if screen.contains(marker) && screen.contains(" rows · ") { break }
                Thread.sleep(forTimeInterval: 0.005)
            }
            shown.append((what, Date().timeIntervalSince(began) * 1000))
        }
        try reportKey("M-2", "open (30 days by tracker)", until: "Group by Tracker")
        let open = try frames(from: 1, to: 2).median
        func key(_ name: String, times: Int = 1) throws {
            for _ in 0..<times {
                try keys([name]); sent += 1
                _ = try waitForLines(sent + 1)
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        try key("j", times: 100)
        try key("NPage", times: 20)
        try key("s", times: 8)       // every column, each sort of 100,000 rows
        try key("S")
        try key("/")
        for letter in "2139" { try key(String(letter)) }
        try key("Escape")
        try key("Escape")
        for (name, marker) in [("line item", "Line item"), ("publisher", "Publisher"), ("placement", "Placement"),
                               ("site domain", "Site domain"), ("day", "Day"), ("hour", "Hour"), ("tracker", "Tracker")] {
            try reportKey("b", "by \(name)", until: "Group by \(marker) ")
            try key("j", times: 5)
        }
        try reportKey("r", "14 days", until: "14 days")
        try reportKey("r", "7 days", until: "7 days")
        let keyFrames = try frames(from: 1, to: sent + 1)
        let slowest = try slowestFrames(from: 1, to: sent + 1)
        try keys(["q"])
        let lines = try waitForLines(sent + 2, until: { $0.last?.hasPrefix("peak-rss-kb") == true })
        let peak = Int(lines.last?.split(separator: " ").last ?? "") ?? 0
        return ReportsResult(firstFrameMilliseconds: firstFrame, keys: keyFrames, openMilliseconds: open,
                             reportShown: shown, peakKilobytes: peak, slowest: slowest)
    }
}
