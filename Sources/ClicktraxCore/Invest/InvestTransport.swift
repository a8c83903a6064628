import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP exchange with Invest, and the only place that sees URLSession (the toolchain's
/// Foundation, libcurl underneath; docs/DESIGN.md says why this and not AsyncHTTPClient).
///
/// Reads share one session and its kept-alive connections. A write that must not happen twice
/// (`fresh`) gets a session of its own, so it always goes out on a new connection: libcurl
/// silently sends a request again when a *reused* connection dies before any answer, which for
/// a POST could create a second tracker.
final class InvestTransport: Sendable {
    struct Response: Sendable {
        var status: Int
        /// Lower-cased names; repeated headers joined with ", ".
        var headers: [String: String]
        var body: Data
    }

    /// A failure below HTTP. `maybeDelivered`: the request may have reached Invest (a timeout,
    /// a connection dropped mid-way), so a write's outcome is unknown and must be looked up.
    struct Failure: Error, Sendable {
        var reason: String
        var maybeDelivered: Bool
    }

    let host: String
    let timeout: TimeInterval
    private let shared: URLSession

    init(host: String, timeout: TimeInterval) {
        self.host = host
        self.timeout = timeout
        shared = URLSession(configuration: Self.configuration(timeout: timeout))
    }

    deinit { shared.invalidateAndCancel() }

    static func configuration(timeout: TimeInterval) -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        configuration.httpMaximumConnectionsPerHost = InvestClient.maxInFlight
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        return configuration
    }

    func send(method: String, url: URL, headers: [String: String], body: Data?, fresh: Bool) async throws -> Response {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let session = fresh ? URLSession(configuration: Self.configuration(timeout: timeout)) : shared
        defer { if fresh { session.finishTasksAndInvalidate() } }
        do {
            let (data, response) = try await Self.exchange(request, on: session)
            guard let http = response as? HTTPURLResponse else {
                throw Failure(reason: "the answer was not HTTP", maybeDelivered: true)
            }
            var names: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                guard let name = key as? String, let text = value as? String else { continue }
                let lower = name.lowercased()
                names[lower] = names[lower].map { "\($0), \(text)" } ?? text
            }
            return Response(status: http.statusCode, headers: names, body: data)
        } catch let failure as Failure {
            throw failure
        } catch let error as URLError {
            throw Self.describe(error, timeout: timeout)
        } catch is CancellationError {
            throw Failure(reason: "cancelled", maybeDelivered: true)
        } catch {
            throw Failure(reason: "\(error.localizedDescription)", maybeDelivered: true)
        }
    }

    /// The completion-handler API, not `session.data(for:)`: on Linux, a Swift task cancelled
    /// while `data(for:)` waits (a sibling page failed, so its task group cancels the rest)
    /// deadlocks inside FoundationNetworking (its cancel handler waits on the session's queue,
    /// which is waiting on the task's status lock). A request here runs to its end or its timeout.
    static func exchange(_ request: URLRequest, on session: URLSession) async throws -> (Data, URLResponse) {
        try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if let response {
                    continuation.resume(returning: (data ?? Data(), response))
                } else {
                    continuation.resume(throwing: URLError(.badServerResponse))
                }
            }.resume()
        }
    }

    static func describe(_ error: URLError, timeout: TimeInterval) -> Failure {
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed:
            Failure(reason: "cannot resolve the host name (DNS)", maybeDelivered: false)
        case .cannotConnectToHost:
            Failure(reason: "the connection was refused", maybeDelivered: false)
        case .notConnectedToInternet:
            Failure(reason: "no network connection", maybeDelivered: false)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
             .clientCertificateRequired:
            Failure(reason: "the TLS handshake failed (\(error.localizedDescription))", maybeDelivered: false)
        case .timedOut:
            Failure(reason: "no answer within \(Int(timeout)) s (timed out)", maybeDelivered: true)
        case .networkConnectionLost:
            Failure(reason: "the connection was dropped before the answer came", maybeDelivered: true)
        case .badServerResponse:
            Failure(reason: "the server sent no valid HTTP answer", maybeDelivered: true)
        case .cancelled:
            Failure(reason: "cancelled", maybeDelivered: true)
        default:
            // libcurl's TLS failures come through as generic errors with OpenSSL's text.
            error.localizedDescription.contains("SSL") || error.localizedDescription.contains("TLS")
                ? Failure(reason: "the TLS handshake failed (\(error.localizedDescription))", maybeDelivered: false)
                : Failure(reason: error.localizedDescription, maybeDelivered: true)
        }
    }
}
