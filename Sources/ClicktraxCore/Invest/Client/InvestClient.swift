import Foundation

/// Speaks the Invest API (RULES.md §8, the Invest API's public documentation): log in, call a service, page a list to its
/// end. It decides on the body (`error_id`, often with HTTP 200), logs in again once per call on
/// `NOAUTH`, waits out throttling (`Retry-After`, else backoff with jitter, each wait reported),
/// retries GETs on 5xx and dropped connections, and keeps at most 4 requests in flight.
/// A write is never repeated after it may have reached Invest: that is `WriteOutcomeUnknown`,
/// for the caller to look up (see `InvestPush`).
public actor InvestClient {
    public static let maxInFlight = 4

    public struct Settings: Sendable {
        /// Seconds to wait for an answer.
        public var timeout: TimeInterval = 60
        /// The first backoff, doubled on each retry (jittered), at most `maxBackoff`.
        public var backoff: TimeInterval = 1
        public var maxBackoff: TimeInterval = 30
        /// Tries of one GET that fails for the network or a 5xx.
        public var attempts = 5
        /// Waits for throttling before giving up on a call.
        public var throttleWaits = 12
        public init() {}
    }

    /// A write may have reached Invest but no answer came back: its outcome is not known.
    public struct WriteOutcomeUnknown: Error, Sendable {
        public var reason: String
    }

    /// How a call is retried: a read may be sent again; a write never after it may have landed.
    enum Kind { case read, write }

    public nonisolated let endpoint: InvestEndpoint
    public nonisolated let username: String
    let settings: Settings
    let transport: InvestTransport
    private(set) var token: String?
    /// Asked for the password when a login is needed; nil when none can be had (no terminal).
    private let password: (@Sendable () throws -> String)?
    /// Told each new token, to keep it for the next run.
    private let tokenChanged: @Sendable (String) -> Void
    private let events: @Sendable (InvestEvent) -> Void
    private var inFlight = 0
    private var slotWaiters: [CheckedContinuation<Void, Never>] = []
    /// Logins this client made: capped, whatever happens, far below Invest's 10 per 5 minutes.
    private var logins = 0
    private var loginInProgress: Task<String, any Error>?

    public init(
        endpoint: InvestEndpoint, username: String, token: String?, settings: Settings = Settings(),
        password: (@Sendable () throws -> String)?, tokenChanged: @escaping @Sendable (String) -> Void = { _ in },
        events: @escaping @Sendable (InvestEvent) -> Void = { _ in }
    ) {
        self.endpoint = endpoint
        self.username = username
        self.token = token
        self.settings = settings
        self.password = password
        self.tokenChanged = tokenChanged
        self.events = events
        transport = InvestTransport(host: endpoint.host, timeout: settings.timeout)
    }

    // MARK: - Login

    /// `POST /auth`; keeps and returns the token.
    /// Calls that find the token rejected at the same time share one login.
    @discardableResult
    public func login() async throws -> String {
        if let loginInProgress { return try await loginInProgress.value }
        let task = Task { try await self.performLogin() }
        loginInProgress = task
        defer { loginInProgress = nil }
        return try await task.value
    }

    private func performLogin() async throws -> String {
        guard let password else {
            throw InvestError.needsLogin(token == nil ? "not logged in to Invest as \(username)" : "the Invest session of \(username) expired")
        }
        guard logins < 3 else { throw InvestError.loginLimit }
        logins += 1
        let secret = try password()
        let body = try JSONSerialization.data(withJSONObject: ["auth": ["username": username, "password": secret]])
        let answer: InvestAnswer
        do {
            answer = try await exchange("POST", "auth", [], body: body, kind: .write, authorized: false)
        } catch let unknown as WriteOutcomeUnknown {
            // A login that may have happened is harmless: it is only not known to have.
            throw InvestError.network(host: endpoint.host, reason: unknown.reason.replacingOccurrences(of: "\(endpoint.host): ", with: ""))
        }
        guard let token = answer.string("token"), !token.isEmpty else {
            throw InvestError.badResponse(service: "auth", detail: "no token in the answer")
        }
        self.token = token
        tokenChanged(token)
        return token
    }

    /// `GET /member`: the member's id and name.
    public func member() async throws -> (Int64?, String?) {
        let member = try await memberObject()
        return (InvestAnswer.integer(member["id"]), member["name"] as? String)
    }

    /// Whether the member may have trackers at all (`enable_click_and_imp_trackers`): false only
    /// when Invest says so; nil when it does not say (or says something else than a yes or no).
    public func trackersEnabled() async throws -> (enabled: Bool?, member: String) {
        let member = try await memberObject()
        let name = (member["name"] as? String).map { "member \(InvestAnswer.integer(member["id"]).map(String.init) ?? "") “\($0)”" } ?? "the member"
        switch member["enable_click_and_imp_trackers"] {
        case let flag as Bool: return (flag, name)
        case let text as String where ["true", "false"].contains(text.lowercased()): return (text.lowercased() == "true", name)
        case let number as NSNumber: return (number.intValue != 0, name)
        default: return (nil, name)
        }
    }

    private func memberObject() async throws -> [String: Any] {
        let answer = try await call("GET", "member")
        return (answer.response["member"] as? [String: Any]) ?? ((answer.response["members"] as? [[String: Any]])?.first ?? [:])
    }

    // MARK: - Calls

    /// One call, logged in (again, once, if Invest says NOAUTH).
    /// `file`: the answer is a file (a report download) written to this descriptor as it comes,
    /// not JSON — unless it is an error envelope.
    func call(_ method: String, _ service: String, _ query: [(String, String)] = [], body: Data? = nil,
              file: Int32? = nil) async throws -> InvestAnswer {
        let kind: Kind = method == "GET" ? .read : .write
        if token == nil { try await login() }
        let used = token
        do {
            return try await exchange(method, service, query, body: body, kind: kind, authorized: true, file: file)
        } catch let error as InvestError {
            guard case .api(_, "NOAUTH", _, _) = error else { throw error }
            // A rejected token means the call did nothing: a write may go again too. Another
            // call may have logged in again meanwhile; then its token serves. Said only once the
            // new login worked: without a password source the session simply ends, and the
            // error says to run `invest login`.
            if token == used {
                let first = loginInProgress == nil
                guard password != nil else {
                    throw InvestError.needsLogin("Invest ended the session of \(username) (its token is no longer valid)")
                }
                try await login()
                if first { events(.loggedInAgain) }
            }
            return try await exchange(method, service, query, body: body, kind: kind, authorized: true, file: file)
        }
    }

    private func exchange(
        _ method: String, _ service: String, _ query: [(String, String)], body: Data?, kind: Kind, authorized: Bool,
        file: Int32? = nil
    ) async throws -> InvestAnswer {
        let url = endpoint.url(service, query)
        let label = service
        var headers = ["Accept": "application/json"]
        if body != nil { headers["Content-Type"] = "application/json" }
        var failures = 0
        var throttles = 0
        var waited = 0.0
        while true {
            if authorized {
                guard let token else { throw InvestError.needsLogin("not logged in to Invest") }
                headers["Authorization"] = token
            }
            // A download tried again starts the file again.
            if let file { _ = ftruncate(file, 0); _ = lseek(file, 0, SEEK_SET) }
            await acquireSlot()
            let result: Result<InvestTransport.Response, InvestTransport.Failure>
            do {
                result = .success(try await transport.send(method: method, url: url, headers: headers, body: body, fresh: kind == .write,
                                                           file: file))
            } catch let failure as InvestTransport.Failure {
                result = .failure(failure)
            } catch {
                result = .failure(.init(reason: "\(error)", maybeDelivered: true))
            }
            releaseSlot()
            var response: InvestTransport.Response
            switch result {
            case .failure(let failure):
                if kind == .write && failure.maybeDelivered {
                    throw WriteOutcomeUnknown(reason: "\(endpoint.host): \(failure.reason)")
                }
                failures += 1
                guard failures < settings.attempts, failure.retryable else { throw InvestError.network(host: endpoint.host, reason: failure.reason) }
                let delay = backoff(failures)
                events(.waiting(seconds: delay, why: "\(endpoint.host): \(failure.reason); trying \(label) again"))
                try await sleep(delay)
                waited += delay
                continue
            case .success(let value):
                response = value
            }
            if let file {
                // "If an error occurs during download, the response header will include an HTTP
                // error code and message": a 2xx that is not an error envelope is the file. Its
                // start is read back to tell (an envelope is small).
                var head = [UInt8](repeating: 0, count: 64 << 10)
                let read = pread(file, &head, head.count, 0)
                response.body = Data(head.prefix(max(0, read)))
                if (200..<300).contains(response.status), response.body.first != UInt8(ascii: "{") {
                    return InvestAnswer(response: [:], body: Data())
                }
            }
            // Redirects are not followed (a token must not go where it was not sent): one is an
            // error, never an answer read as empty.
            if (300..<400).contains(response.status) {
                let target = response.headers["location"].map { " to \(TerminalSafe.clip($0, 80))" } ?? ""
                throw InvestError.badResponse(service: label, detail: "HTTP \(response.status): redirected\(target), which is not followed")
            }
            let outcome = InvestAnswer.read(response.body, status: response.status)
            if let wait = throttleWait(response, outcome) {
                throttles += 1
                guard throttles <= settings.throttleWaits else { throw InvestError.throttled(service: label, waited: Int(waited)) }
                let delay = wait ?? backoff(throttles)
                events(.waiting(seconds: delay, why: "Invest is throttling \(label)"))
                try await sleep(delay)
                waited += delay
                continue
            }
            switch outcome {
            case .ok(let answer):
                if response.status >= 500 { break }
                // A 4xx is a refusal whatever its body says: never a page of nothing.
                if response.status == 401 { throw InvestError.api(service: label, errorId: "NOAUTH", message: "HTTP 401", code: nil) }
                if (400..<500).contains(response.status) {
                    throw InvestError.badResponse(service: label, detail: "HTTP \(response.status) without an error in the answer")
                }
                return answer
            case .error(let id, let message, let code):
                switch id {
                case "NOAUTH" where service == "auth": throw InvestError.wrongCredentials(username: username)
                case "NOAUTH_EXPIRED": throw InvestError.passwordExpired(username: username)
                case "NOAUTH_DISABLED": throw InvestError.userDisabled(username: username)
                case "SYSTEM" where service == "auth" && code == "RATE_EXCEEDED": throw InvestError.loginLimit
                case "SYSTEM" where ["SERVICE_UNAVAILABLE", "UNKNOWN"].contains(code ?? ""):
                    if kind == .write { throw WriteOutcomeUnknown(reason: "Invest answered \(id) \(code ?? ""): \(message)") }
                default:
                    throw InvestError.api(service: label, errorId: id, message: message, code: code)
                }
            case .unreadable(let detail):
                if response.status == 401 { throw InvestError.api(service: label, errorId: "NOAUTH", message: "HTTP 401", code: nil) }
                if kind == .write {
                    // A 4xx that is not JSON was refused before anything was done; anything else may have landed.
                    if (400..<500).contains(response.status) {
                        throw InvestError.badResponse(service: label, detail: detail)
                    }
                    throw WriteOutcomeUnknown(reason: "Invest's answer to \(label): \(detail)")
                }
                // A 4xx that is not JSON (a 404 from a proxy, say) will not change by asking again.
                if (400..<500).contains(response.status) && response.status != 408 {
                    throw InvestError.badResponse(service: label, detail: detail)
                }
                failures += 1
                guard failures < settings.attempts else { throw InvestError.badResponse(service: label, detail: detail) }
                let delay = backoff(failures)
                events(.waiting(seconds: delay, why: "\(label): \(detail); trying again"))
                try await sleep(delay)
                waited += delay
                continue
            }
            // A 5xx or a transient SYSTEM error on a read: try again after a while.
            failures += 1
            guard failures < settings.attempts else {
                throw InvestError.network(host: endpoint.host, reason: "Invest kept failing \(label) (HTTP \(response.status))")
            }
            let delay = backoff(failures)
            events(.waiting(seconds: delay, why: "Invest failed \(label) (HTTP \(response.status)); trying again"))
            try await sleep(delay)
            waited += delay
        }
    }

    /// nil: not throttled; `.some(nil)`: throttled, no Retry-After; `.some(s)`: wait s seconds.
    private func throttleWait(_ response: InvestTransport.Response, _ outcome: InvestAnswer.Outcome) -> TimeInterval?? {
        var throttled = response.status == 429 || response.status == 405
            || (response.status == 503 && response.headers["x-ratelimit-code"] != nil)
        if case .error(_, _, let code) = outcome, code == "RATE_EXCEEDED" || code == "RATE_LIMIT_EXCEEDED" { throttled = true }
        guard throttled else { return nil }
        // The docs' own example carries two Retry-After headers: take the larger.
        let values = (response.headers["retry-after"] ?? "").split(separator: ",").compactMap {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        guard let largest = values.max(), largest >= 0 else { return .some(nil) }
        return .some(min(largest, 600) + 0.25)
    }

    private func backoff(_ attempt: Int) -> TimeInterval {
        let ceiling = min(settings.maxBackoff, settings.backoff * pow(2, Double(attempt - 1)))
        return ceiling / 2 + Double.random(in: 0...(ceiling / 2))
    }

    private func sleep(_ seconds: TimeInterval) async throws {
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }

    private func acquireSlot() async {
        if inFlight < Self.maxInFlight {
            inFlight += 1
            return
        }
        await withCheckedContinuation { slotWaiters.append($0) }
    }

    private func releaseSlot() {
        if slotWaiters.isEmpty {
            inFlight -= 1
        } else {
            slotWaiters.removeFirst().resume()
        }
    }
}
