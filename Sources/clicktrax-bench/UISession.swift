import Foundation

/// The real `clicktrax` UI in tmux, driven with keys as an operator would, timed by the app's
/// own frame log (`CLICKTRAX_FRAME_LOG`): from the moment the benchmark starts the process to the
/// first painted frame, then each key from arrival to the frame on screen, and the peak RSS.
struct UISession {
    struct Result {
        /// Of several starts: one start is at the mercy of whatever else the machine did in
        /// those 40 ms.
        var firstFrames: LatencyStats
        var scroll: LatencyStats
        var pagesScrolled: Int
        var filterTyping: LatencyStats
        /// The slowest filter frames: what each answered, and how long it took.
        var filterSlowest: [(event: String, ms: Double)]
        var pickerTyping: LatencyStats
        var peakKilobytes: Int
    }

    let binary: String
    let database: String
    let workFolder: String
    let trackers: Int
    /// Keys pressed right after each start (Alt-3: the Impression Trackers screen); the frame of
    /// the last is then the first frame, of that screen.
    var screenKeys: [String] = []
    let socket = "clicktrax-bench-\(getpid())"
    /// The app's frame log, followed as it grows.
    let log: FrameLogTail
    var logPath: String { log.path }

    init(binary: String, database: String, workFolder: String, trackers: Int, screenKeys: [String] = []) {
        self.binary = binary
        self.database = database
        self.workFolder = workFolder
        self.trackers = trackers
        self.screenKeys = screenKeys
        log = FrameLogTail(path: workFolder + "/frames.log")
    }

    /// Starts of their own before the session's, each quit at once.
    static let extraStarts = 6

    func run() throws -> Result {
        guard ProcessComparison.which("tmux") != nil else { throw BenchFailure("the UI benchmark needs tmux (apt-get install -y tmux)") }
        var firstFrames: [Double] = []
        for _ in 0..<Self.extraStarts {
            firstFrames.append(try startOnScreen())
            try keys(["q"])
            _ = try waitForLines(2 + screenKeys.count, until: { $0.last?.hasPrefix("peak-rss-kb") == true })
        }
        firstFrames.append(try startOnScreen())
        defer { _ = try? tmux(["kill-server"]) }
        // The search index loads in the background at start; give it the moment a person takes
        // to reach for the keyboard.
        Thread.sleep(forTimeInterval: 2)

        // Top to bottom a page at a time (the table shows about 44 rows at 50 lines).
        let pages = trackers / 40 + 10
        var sent = 1 + screenKeys.count
        for batch in stride(from: 0, to: pages, by: 100) {
            try keys(Array(repeating: "NPage", count: min(100, pages - batch)))
            sent += min(100, pages - batch)
            _ = try waitForLines(sent)
        }
        let scroll = try frames(from: 1 + screenKeys.count, to: sent)

        // The filter on the main screen, typed as an operator does: words, a typo taken back,
        // another word — three times over, so the p99 is of 48 keys, not a handful.
        var filterFrames: [Double] = []
        var filterSlowest: [(event: String, ms: Double)] = []
        for _ in 0..<3 {
            try keys(["/"]); sent += 1
            _ = try waitForLines(sent)
            let start = sent
            for key in ["w", "o", "n", "k", "a", "Space", "j", "x", "BSpace", "p", "BSpace", "BSpace", "BSpace", "h", "o", "l"] {
                try keys([key]); sent += 1; _ = try waitForLines(sent); Thread.sleep(forTimeInterval: 0.03)
            }
            filterFrames += try frames(from: start, to: sent).sorted
            filterSlowest = Array((filterSlowest + (try slowestFrames(from: start, to: sent))).sorted { $0.ms > $1.ms }.prefix(3))
            // Esc waits for its frame before the next key: Esc and a key read together are Alt and the key.
            try keys(["Escape"]); sent += 1
            _ = try waitForLines(sent)
        }
        let filterTyping = LatencyStats(filterFrames)

        // The line item picker of a new tracker, typed.
        try keys(["n"]); sent += 1
        try keys(["Down", "Down", "Down", "Enter"]); sent += 4
        _ = try waitForLines(sent)
        let pickerStart = sent
        for letter in "holiday jp" {
            try keys([letter == " " ? "Space" : String(letter)]); sent += 1
            _ = try waitForLines(sent)
            Thread.sleep(forTimeInterval: 0.03)
        }
        let pickerTyping = try frames(from: pickerStart, to: sent)
        for key in ["Escape", "Escape"] {
            try keys([key]); sent += 1
            _ = try waitForLines(sent)
        }
        try keys(["q"])
        let lines = try waitForLines(sent + 1, until: { $0.last?.hasPrefix("peak-rss-kb") == true })
        let peak = Int(lines.last?.split(separator: " ").last ?? "") ?? 0
        return Result(firstFrames: LatencyStats(firstFrames), scroll: scroll, pagesScrolled: pages, filterTyping: filterTyping,
                      filterSlowest: filterSlowest, pickerTyping: pickerTyping, peakKilobytes: peak)
    }

    /// `start`, then the screen keys: the milliseconds to the first frame of the screen measured.
    func startOnScreen() throws -> Double {
        let first = try start()
        guard !screenKeys.isEmpty else { return first }
        for key in screenKeys {
            try keys([key])
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try frames(from: screenKeys.count, to: 1 + screenKeys.count).max
    }

    /// A tmux server of its own, clicktrax started in it with the frame log: the milliseconds
    /// from starting the process to its first frame. The caller kills the server.
    func start() throws -> Double {
        try? FileManager.default.removeItem(atPath: logPath)
        log.reset()
        // A server of the previous session may still be on its way out.
        _ = try? tmux(["kill-server"])
        Thread.sleep(forTimeInterval: 0.3)
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "bench", "-x", "160", "-y", "50", "sleep 100000"])
        // If clicktrax fails to start, its window stays, so the failure can say why.
        try tmux(["set-option", "-g", "remain-on-exit", "on"])
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let startedNanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        try tmux(["new-window", "-t", "bench:", "-n", "ui",
                  "env CLICKTRAX_FRAME_LOG=\(logPath) TERM=xterm-256color \(binary) --database \(database)"])
        let firstLine = try waitForLines(1)[0]
        guard firstLine.hasPrefix("first-frame-unix-ns "), let painted = Int64(firstLine.dropFirst("first-frame-unix-ns ".count)) else {
            throw BenchFailure("unexpected first line in \(logPath): \(firstLine)")
        }
        return Double(painted - startedNanoseconds) / 1e6
    }

    /// The frame times of log lines `from..<to` (line 0 is the first frame).
    func frames(from start: Int, to end: Int) throws -> LatencyStats {
        let lines = try waitForLines(end)
        return LatencyStats(lines[start..<end].compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count >= 2, parts[0] == "frame", let microseconds = Double(parts[1]) else { return nil }
            return microseconds / 1000
        })
    }

    /// The slowest frames of log lines `from..<to`: what each answered, and how long it took.
    func slowestFrames(from start: Int, to end: Int, count: Int = 3) throws -> [(event: String, ms: Double)] {
        let lines = try waitForLines(end)
        let frames = lines[start..<end].compactMap { line -> (String, Double)? in
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, parts[0] == "frame", let microseconds = Double(parts[1]) else { return nil }
            return (parts.count > 2 ? String(parts[2]) : "", microseconds / 1000)
        }
        return Array(frames.sorted { $0.1 > $1.1 }.prefix(count))
    }

    @discardableResult
    func waitForLines(_ count: Int, until done: ([String]) -> Bool = { _ in true }) throws -> [String] {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let lines = log.poll()
            if lines.count >= count && done(lines) { return lines }
            Thread.sleep(forTimeInterval: 0.002)
        }
        let screen = (try? tmuxOutput(["capture-pane", "-p", "-t", "bench:ui"])) ?? ""
        throw BenchFailure("the UI did not answer within 120 s (\(logPath) has fewer than \(count) frames); its screen:\n\(screen)")
    }

    func keys(_ keys: [String]) throws {
        try tmux(["send-keys", "-t", "bench:ui"] + keys)
    }

    func tmuxOutput(_ arguments: [String]) throws -> String {
        let file = workFolder + "/tmux-output.txt"
        try tmux(arguments, output: file)
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    func tmux(_ arguments: [String], output: String? = nil) throws {
        // A clean environment (no NO_COLOR or TMUX from the caller), but a home for the configuration.
        let inherited = ProcessInfo.processInfo.environment
        let environment = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/tmp",
                           "TERM": "xterm-256color", "LANG": "C.UTF-8"]
        let run = try Spawned.run(["tmux", "-L", socket] + arguments, stdout: output, environment: environment)
        guard run.status == 0 || arguments == ["kill-server"] else {
            throw BenchFailure("tmux \(arguments.joined(separator: " ")) failed with status \(run.status)")
        }
    }
}
