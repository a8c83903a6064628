import Foundation
import Synchronization

/// One HTTP exchange with Invest, through libcurl (opened when first needed: `LibCurl`; the
/// toolchain's URLSession is libcurl too, but linking it cost every start of clicktrax ~10 ms).
/// docs/DESIGN.md says why this and not AsyncHTTPClient.
///
/// Reads reuse a few easy handles, each keeping its connection alive. A write that must not
/// happen twice (`fresh`) gets a handle and a connection of its own, closed after: libcurl
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
    /// Handles of finished reads, with their open connections (at most `InvestClient.maxInFlight`).
    private let idle = Mutex<[Handle]>([])

    init(host: String, timeout: TimeInterval) {
        self.host = host
        self.timeout = timeout
    }

    deinit {
        guard case .success(let curl) = LibCurl.shared else { return }
        for handle in idle.withLock({ $0 }) { curl.easyCleanup(handle.pointer) }
    }

    /// A request runs on a thread of its own to its answer or its timeout: no task cancellation
    /// reaches into libcurl (a sibling page failing cancels the others' tasks, not their requests).
    func send(method: String, url: URL, headers: [String: String], body: Data?, fresh: Bool) async throws -> Response {
        let curl = try LibCurl.shared.get()
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result {
                    try self.perform(curl, method: method, url: url, headers: headers, body: body, fresh: fresh)
                })
            }
        }
    }

    private func perform(_ curl: LibCurl, method: String, url: URL, headers: [String: String], body: Data?, fresh: Bool) throws -> Response {
        let reused = fresh ? nil : idle.withLock { $0.popLast() }
        guard let handle = reused?.pointer ?? curl.easyInit() else {
            throw Failure(reason: "libcurl could not make a request", maybeDelivered: false)
        }
        var keep = !fresh
        defer {
            if keep {
                curl.easyReset(handle)
                idle.withLock { if $0.count < InvestClient.maxInFlight { $0.append(Handle(pointer: handle)) } else { curl.easyCleanup(handle) } }
            } else {
                curl.easyCleanup(handle)
            }
        }
        let exchange = Exchange()
        var list: OpaquePointer?
        // "Expect:" keeps libcurl from waiting for a 100 Continue before a larger body; libcurl
        // sends no User-Agent of its own (URLSession named the program).
        var lines = headers.map { "\($0.key): \($0.value)" } + ["Expect:"]
        if !headers.keys.contains(where: { $0.lowercased() == "user-agent" }) { lines.append("User-Agent: clicktrax") }
        for line in lines { list = curl.slistAppend(list, line) }
        defer { curl.slistFree(list) }
        let seconds = max(1, Int(timeout.rounded(.up)))
        _ = url.absoluteString.withCString { curl.setPointer(handle, LibCurl.url, $0) }
        _ = curl.setPointer(handle, LibCurl.httpHeader, UnsafeRawPointer(list))
        _ = curl.setLong(handle, LibCurl.noSignal, 1)
        // As URLSession's: `timeout` to connect and without a byte, four times it in all.
        _ = curl.setLong(handle, LibCurl.connectTimeoutMilliseconds, Int(timeout * 1000))
        _ = curl.setLong(handle, LibCurl.lowSpeedLimit, 1)
        _ = curl.setLong(handle, LibCurl.lowSpeedTime, seconds)
        _ = curl.setLong(handle, LibCurl.timeoutMilliseconds, Int(timeout * 4000))
        _ = "".withCString { curl.setPointer(handle, LibCurl.acceptEncoding, $0) }
        if fresh {
            _ = curl.setLong(handle, LibCurl.freshConnect, 1)
            _ = curl.setLong(handle, LibCurl.forbidReuse, 1)
        }
        if let body {
            _ = curl.setLong(handle, LibCurl.postFieldSizeLarge, body.count)
            // COPYPOSTFIELDS: libcurl keeps its own copy of the body.
            _ = body.withUnsafeBytes { curl.setPointer(handle, LibCurl.copyPostFields, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)) }
        }
        switch method {
        case "GET" where body == nil: _ = curl.setLong(handle, LibCurl.httpGet, 1)
        case "POST" where body != nil: break
        default: _ = method.withCString { curl.setPointer(handle, LibCurl.customRequest, $0) }
        }
        let context = Unmanaged.passUnretained(exchange).toOpaque()
        _ = curl.setPointer(handle, LibCurl.writeFunction, unsafeBitCast(Exchange.receiveBody, to: UnsafeRawPointer.self))
        _ = curl.setPointer(handle, LibCurl.writeData, context)
        _ = curl.setPointer(handle, LibCurl.headerFunction, unsafeBitCast(Exchange.receiveHeader, to: UnsafeRawPointer.self))
        _ = curl.setPointer(handle, LibCurl.headerData, context)
        let code = withExtendedLifetime(exchange) { curl.perform(handle) }
        guard code == LibCurl.ok else {
            keep = false
            throw Self.describe(code, message: curl.strerror(code).map { String(cString: $0) } ?? "error \(code)", timeout: timeout)
        }
        var status = 0
        _ = curl.getLong(handle, LibCurl.responseCode, &status)
        guard status > 0 else { throw Failure(reason: "the server sent no valid HTTP answer", maybeDelivered: true) }
        return Response(status: status, headers: exchange.headers, body: exchange.body)
    }

    static func describe(_ code: Int32, message: String, timeout: TimeInterval) -> Failure {
        switch code {
        case LibCurl.couldNotResolveHost, LibCurl.couldNotResolveProxy:
            Failure(reason: "cannot resolve the host name (DNS)", maybeDelivered: false)
        case LibCurl.couldNotConnect:
            Failure(reason: "the connection was refused", maybeDelivered: false)
        case LibCurl.operationTimedOut:
            Failure(reason: "no answer within \(Int(timeout)) s (timed out)", maybeDelivered: true)
        case LibCurl.gotNothing, LibCurl.sendError, LibCurl.receiveError:
            Failure(reason: "the connection was dropped before the answer came", maybeDelivered: true)
        case LibCurl.weirdServerReply:
            Failure(reason: "the server sent no valid HTTP answer", maybeDelivered: true)
        case _ where LibCurl.tlsFailures.contains(code):
            Failure(reason: "the TLS handshake failed (\(message))", maybeDelivered: false)
        default:
            Failure(reason: message, maybeDelivered: true)
        }
    }

    /// An easy handle between requests (only ever used by one request at a time).
    private struct Handle: @unchecked Sendable {
        let pointer: OpaquePointer
    }
}

/// What one request received, filled by libcurl's callbacks on the request's thread.
private final class Exchange {
    var body = Data()
    var headers: [String: String] = [:]

    static let receiveBody: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { bytes, size, count, context in
        guard let bytes, let context else { return 0 }
        Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue().body.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: size * count)
        return size * count
    }

    /// One header line at a time; a status line starts a new set (after a 100 Continue, or a
    /// proxy's answer to CONNECT).
    static let receiveHeader: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { bytes, size, count, context in
        guard let bytes, let context else { return 0 }
        let exchange = Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue()
        let line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: size * count), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            exchange.headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            exchange.headers[name] = exchange.headers[name].map { "\($0), \(value)" } ?? value
        }
        return size * count
    }
}
