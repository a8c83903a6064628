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

        /// `[from, to)` cut into windows of at most `longest` seconds, the oldest hour within what
        /// Invest keeps (`keptFor`): a range it could not serve is refused before anything is asked.
        static func cut(from: Int64, to: Int64, now: Int64, longest: Int64, keptFor: Int64, command: String, keeps: String,
                        older: String = "") throws -> [Window] {
            let oldest = ClickTime.startOfHour(now - keptFor) + ClickTime.hour
            guard from <= now else {
                throw ClicktraxError.badInput("\(command): --from \(ClickTime.formatHour(from)) UTC is in the future; nothing was requested")
            }
            guard from < to else {
                throw ClicktraxError.badInput("\(command): --from \(ClickTime.formatHour(from)) is not before --to \(ClickTime.formatHour(to))")
            }
            guard from >= oldest else {
                throw ClicktraxError.badInput("\(command): \(keeps): --from \(ClickTime.formatHour(from)) UTC is older than "
                                              + "\(ClickTime.formatHour(oldest)) UTC; nothing was requested\(older)")
            }
            return stride(from: from, to: to, by: Int(longest)).map { Window(from: $0, to: min(to, $0 + longest)) }
        }
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
        try Window.cut(from: from, to: to, now: now, longest: longestWindow, keptFor: retention, command: "pull-clicks",
                       keeps: "the Clicktrackers Feed keeps 30 days", older: " (older clicks can only be imported from files)")
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
        var fetch = InvestReportFetch(client: client, events: events)
        fetch.pollTimeout = pollTimeout
        fetch.firstPoll = firstPoll
        fetch.longestPoll = longestPoll
        let report: [String: Any] = [
            "report_type": "clicktrackers",
            "columns": ClickFeedColumn.requested.map(\.rawValue),
            "start_date": ClickTime.format(window.from),
            "end_date": ClickTime.format(window.to),
            "timezone": "UTC",
            "format": "csv",
        ]
        return try await fetch.download(report, what: "the clicks report", window: window.label)
    }
}
