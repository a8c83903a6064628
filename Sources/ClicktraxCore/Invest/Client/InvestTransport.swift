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
        /// Worth asking again (a dropped connection); not an answer that broke a bound, which the
        /// same server would send again.
        var retryable = true
    }

    let host: String
    let timeout: TimeInterval
    /// The most an answer may hold (a page of 100 objects is a few hundred KB): past it the
    /// transfer stops and the answer is refused, however it was sent.
    static let maxBodyBytes = 32 << 20
    /// The most a report download may hold, written to disk as it comes.
    static let maxFileBytes: Int64 = 4 << 30
    /// The most the header lines of an answer may hold.
    static let maxHeaderBytes = 256 << 10
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
    /// `file`: the answer's body goes there as it comes (a report download), not into memory.
    func send(method: String, url: URL, headers: [String: String], body: Data?, fresh: Bool, file: Int32? = nil) async throws -> Response {
        let curl = try LibCurl.shared.get()
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result {
                    try self.perform(curl, method: method, url: url, headers: headers, body: body, fresh: fresh, file: file)
                })
            }
        }
    }

    private func perform(_ curl: LibCurl, method: String, url: URL, headers: [String: String], body: Data?, fresh: Bool,
                         file: Int32?) throws -> Response {
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
        let exchange = Exchange(file: file, cap: file == nil ? Int64(Self.maxBodyBytes) : Self.maxFileBytes)
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
        // No compression is asked for: a small gzip body can grow a thousandfold when decoded.
        // A proxy is for the network: loopback (the stand-in, a local relay) never goes through one,
        // so no proxy ever sees a loopback password.
        if InvestEndpoint.isLoopback(host) { _ = "*".withCString { curl.setPointer(handle, LibCurl.noProxy, $0) } }
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
        let started = Date()
        let code = withExtendedLifetime(exchange) { curl.perform(handle) }
        guard code == LibCurl.ok else {
            keep = false
            if exchange.tooBig {
                throw Failure(reason: "the answer was larger than the \(Self.megabytes(exchange.cap)) MB a \(file == nil ? "page" : "download") may hold; refused",
                              maybeDelivered: true, retryable: false)
            }
            if exchange.writeFailed {
                throw Failure(reason: "the download could not be written to the temporary folder (full?)", maybeDelivered: true)
            }
            if exchange.headerBytes > Self.maxHeaderBytes {
                throw Failure(reason: "the server sent \(exchange.headerBytes / 1024) KB of header lines, more than an answer has; refused",
                              maybeDelivered: true, retryable: false)
            }
            if code == LibCurl.outOfMemory {
                // libcurl says "Out of memory" for a header line past the 100 KB it buffers:
                // that is what it nearly always means here.
                throw Failure(reason: "the server sent a header line longer than libcurl takes (100 KB of header lines); refused",
                              maybeDelivered: true, retryable: false)
            }
            throw Self.describe(code, message: curl.strerror(code).map { String(cString: $0) } ?? "error \(code)",
                                waited: Date().timeIntervalSince(started))
        }
        var status = 0
        _ = curl.getLong(handle, LibCurl.responseCode, &status)
        guard status > 0 else { throw Failure(reason: "the server sent no valid HTTP answer", maybeDelivered: true) }
        return Response(status: status, headers: exchange.headers, body: exchange.body)
    }

    static func megabytes(_ bytes: Int64) -> Int64 { bytes >> 20 }

    static func describe(_ code: Int32, message: String, waited: TimeInterval) -> Failure {
        switch code {
        case LibCurl.couldNotResolveHost, LibCurl.couldNotResolveProxy:
            Failure(reason: "cannot resolve the host name (DNS)", maybeDelivered: false)
        case LibCurl.couldNotConnect:
            Failure(reason: "the connection was refused", maybeDelivered: false)
        case LibCurl.operationTimedOut:
            Failure(reason: "timed out: no complete answer after waiting \(Int(waited.rounded())) s", maybeDelivered: true)
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

/// What one request received, filled by libcurl's callbacks on the request's thread: the body
/// in memory, or written to `file` as it comes; either way at most `cap` bytes (a larger answer
/// stops the transfer: the callback takes nothing, and libcurl gives up).
private final class Exchange {
    var body = Data()
    var headers: [String: String] = [:]
    let file: Int32?
    let cap: Int64
    var received: Int64 = 0
    var headerBytes = 0
    var tooBig = false
    var writeFailed = false

    init(file: Int32?, cap: Int64) {
        self.file = file
        self.cap = cap
    }

    static let receiveBody: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { bytes, size, count, context in
        guard let bytes, let context else { return 0 }
        let exchange = Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        exchange.received += Int64(length)
        if exchange.received > exchange.cap {
            exchange.tooBig = true
            return 0
        }
        if let file = exchange.file {
            var written = 0
            while written < length {
                let result = write(file, bytes + written, length - written)
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { exchange.writeFailed = true; return 0 }
                written += result
            }
        } else {
            exchange.body.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: length)
        }
        return length
    }

    /// One header line at a time; a status line starts a new set (after a 100 Continue, or a
    /// proxy's answer to CONNECT).
    static let receiveHeader: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { bytes, size, count, context in
        guard let bytes, let context else { return 0 }
        let exchange = Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue()
        exchange.headerBytes += size * count
        if exchange.headerBytes > InvestTransport.maxHeaderBytes { return 0 }
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
