import Foundation

/// `clicktrax invest pull-clicks`: the Clicktrackers Feed, one report per window of at most 24
/// hours (Invest's limit), each requested, polled until ready, downloaded and imported, each
/// replacing what an earlier pull or import stored for it. Reports are made on Invest's side:
/// up to `windowsInFlight` are requested and polled side by side (Invest allows five pending
/// per user), and each is imported as it arrives.
public struct InvestClickPull: Sendable {
    public struct Window: Sendable, Equatable {
        public var from: Int64
        public var to: Int64

        public var label: String { "\(ClickTime.formatHour(from))–\(ClickTime.formatHour(to)) UTC" }
    }

    /// The feed keeps 30 days; a report spans at most 24 hours.
    public static let retention: Int64 = 30 * ClickTime.day
    public static let longestWindow = ClickTime.day

    public let client: InvestClient
    public let store: any TrackerStore
    public let events: @Sendable (InvestEvent) -> Void
    /// How long one report may stay pending (Invest times reports out after 15 minutes).
    public var pollTimeout: TimeInterval = 20 * 60
    /// The first wait between polls, growing by half each time up to `longestPoll`: a small
    /// report is often ready within a second.
    public var firstPoll: TimeInterval = 0.5
    public var longestPoll: TimeInterval = 10
    /// Windows whose reports are requested and polled at once (the client keeps requests in
    /// flight at 4 whatever this is; Invest refuses a user's sixth pending report).
    public static let windowsInFlight = 4

    public init(client: InvestClient, store: any TrackerStore, events: @escaping @Sendable (InvestEvent) -> Void = { _ in }) {
        self.client = client
        self.store = store
        self.events = events
    }

    /// `[from, to)` cut into windows of at most 24 hours, checked against what the feed keeps:
    /// nothing is asked of Invest when a window could not be served.
    public static func windows(from: Int64, to: Int64, now: Int64) throws -> [Window] {
        let oldest = ClickTime.startOfHour(now - retention) + ClickTime.hour
        guard from <= now else {
            throw ClicktraxError.badInput("pull-clicks: --from \(ClickTime.formatHour(from)) UTC is in the future; nothing was requested")
        }
        guard from < to else {
            throw ClicktraxError.badInput("pull-clicks: --from \(ClickTime.formatHour(from)) is not before --to \(ClickTime.formatHour(to))")
        }
        guard from >= oldest else {
            throw ClicktraxError.badInput(
                "pull-clicks: the Clicktrackers Feed keeps 30 days: --from \(ClickTime.formatHour(from)) UTC is older than "
                    + "\(ClickTime.formatHour(oldest)) UTC; nothing was requested (older clicks can only be imported from files)")
        }
        var windows: [Window] = []
        var start = from
        while start < to {
            let end = min(to, start + longestWindow)
            windows.append(Window(from: start, to: end))
            start = end
        }
        return windows
    }

    /// Pulls the windows, up to `windowsInFlight` at a time, importing each as it arrives; a
    /// failed window stops the run (the windows imported before stay). `imported` hears of each
    /// window as it lands; the clicks added in all.
    public func run(_ windows: [Window], imported: @Sendable @escaping (Window, ClickImportSummary) -> Void) async throws -> Int {
        try await withThrowingTaskGroup(of: (Window, String).self) { group in
            var pending = windows[...]
            func startNext() {
                guard let window = pending.popFirst() else { return }
                group.addTask { (window, try await download(window)) }
            }
            for _ in 0..<Self.windowsInFlight { startNext() }
            var added = 0
            while let (window, file) = try await group.next() {
                // The download's temporary copy (0600, in the temporary folder): gone or not, nothing depends on it.
                defer { try? FileManager.default.removeItem(atPath: file) }
                let summary = try await importOffTheTasks(file, window)
                added += summary.added
                imported(window, summary)
                startNext()
            }
            return added
        }
    }

    /// The import blocks on the database and on its reader thread: it runs on a thread of its
    /// own, not on one of the few the tasks polling Invest share.
    private func importOffTheTasks(_ file: String, _ window: Window) async throws -> ClickImportSummary {
        let store = store
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try ClickImporter(window: (window.from, window.to)).run([file], into: store) })
            }.start()
        }
    }

    /// Requests, polls and downloads one window's report into a private temporary file.
    func download(_ window: Window) async throws -> String {
        let id = try await request(window)
        let started = Date()
        var delay = firstPoll
        while true {
            let answer = try await client.call("GET", "report", [("id", id)])
            let status = Self.executionStatus(answer.response, id: id)
            if status == "ready" { break }
            guard status == "pending" || status == "processing" || status == "queued" else {
                throw InvestError.reportFailed(window: window.label, status: status ?? "(none)")
            }
            let waited = Date().timeIntervalSince(started)
            guard waited + delay <= pollTimeout else {
                throw InvestError.reportTimedOut(window: window.label, waited: Int(waited.rounded()))
            }
            events(.waiting(seconds: delay, why: "the clicks report for \(window.label) is \(status ?? "pending")"))
            try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            delay = min(longestPoll, delay * 1.5)
        }
        // Streamed to a private file of a random name (the report id is Invest's text: it never
        // reaches a path), under the transport's cap.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clicktrax-feed-\(UUID().uuidString).csv").path
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ClicktraxError.operational("\(path): cannot write the downloaded feed (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        do {
            _ = try await client.call("GET", "report-download", [("id", id)], file: fd)
        } catch {
            unlink(path)
            throw error
        }
        var info = stat()
        fstat(fd, &info)
        events(.note("downloaded the clicks of \(window.label): \(info.st_size) bytes"))
        return path
    }

    private func request(_ window: Window) async throws -> String {
        let report: [String: Any] = [
            "report_type": "clicktrackers",
            "columns": ClickFeedColumn.requested.map(\.rawValue),
            "start_date": ClickTime.format(window.from),
            "end_date": ClickTime.format(window.to),
            "timezone": "UTC",
            "format": "csv",
        ]
        let body = try JSONSerialization.data(withJSONObject: ["report": report], options: [.sortedKeys])
        var answer: InvestAnswer
        do {
            answer = try await client.call("POST", "report", body: body)
        } catch is InvestClient.WriteOutcomeUnknown {
            // A lost answer to a report request leaves at most an unused report behind: ask again.
            answer = try await client.call("POST", "report", body: body)
        }
        guard let id = answer.string("report_id"), !id.isEmpty else {
            throw InvestError.badResponse(service: "report", detail: "no report_id in the answer")
        }
        return id
    }

    /// `response.execution_status`, or — as some answers stack earlier reports — the status of
    /// this report in `response.reports`, or under `response.report`.
    static func executionStatus(_ response: [String: Any], id: String) -> String? {
        if let status = response["execution_status"] as? String { return status.lowercased() }
        if let reports = response["reports"] as? [[String: Any]] {
            let mine = reports.first { ($0["url"] as? String)?.hasSuffix(id) == true || ($0["id"] as? String) == id } ?? reports.last
            if let status = mine?["execution_status"] as? String { return status.lowercased() }
        }
        if let report = response["report"] as? [String: Any], let status = report["execution_status"] as? String {
            return status.lowercased()
        }
        return nil
    }
}
