import Foundation

/// One report of Invest's Report Service, start to end: requested (`POST /report`), polled
/// until ready with a growing wait, and downloaded into a private temporary file — the
/// Clicktrackers Feed's windows and Network Analytics' impressions alike.
public struct InvestReportFetch: Sendable {
    public let client: InvestClient
    public let events: @Sendable (InvestEvent) -> Void
    /// How long one report may stay pending (Invest times reports out after 15 minutes).
    public var pollTimeout: TimeInterval = 20 * 60
    /// The first wait between polls, growing by half each time up to `longestPoll`: a small
    /// report is often ready within a second.
    public var firstPoll: TimeInterval = 0.5
    public var longestPoll: TimeInterval = 10

    public init(client: InvestClient, events: @escaping @Sendable (InvestEvent) -> Void) {
        self.client = client
        self.events = events
    }

    /// The report `report` asks for (the body's `report` object), as a file of a random name the
    /// caller removes; `what` names it in waits and errors ("the clicks report for …").
    func download(_ report: [String: Any], what: String, window: String) async throws -> String {
        let id = try await request(report)
        let started = Date()
        var delay = firstPoll
        while true {
            let answer = try await client.call("GET", "report", [("id", id)])
            let status = Self.executionStatus(answer.response, id: id)
            if status == "ready" { break }
            guard status == "pending" || status == "processing" || status == "queued" else {
                throw InvestError.reportFailed(report: "\(what) for \(window)", status: status ?? "(none)")
            }
            let waited = Date().timeIntervalSince(started)
            guard waited + delay <= pollTimeout else {
                throw InvestError.reportTimedOut(report: "\(what) for \(window)", waited: Int(waited.rounded()))
            }
            events(.waiting(seconds: delay, why: "\(what) for \(window) is \(status ?? "pending")"))
            try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            delay = min(longestPoll, delay * 1.5)
        }
        // Streamed to a private file of a random name (the report id is Invest's text: it never
        // reaches a path), under the transport's cap.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clicktrax-report-\(UUID().uuidString).csv").path
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ClicktraxError.operational("\(path): cannot write the downloaded report (\(String(cString: strerror(errno))))")
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
        events(.note("downloaded \(what) for \(window): \(info.st_size) bytes"))
        return path
    }

    private func request(_ report: [String: Any]) async throws -> String {
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
