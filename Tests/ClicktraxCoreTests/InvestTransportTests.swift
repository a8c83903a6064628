import Foundation
import Testing
@testable import ClicktraxCore

/// The transport against a real HTTP server on loopback (Python's, one request at a time): what
/// goes out — method, body, headers — and what comes back, as libcurl hands it over.
@Suite struct InvestTransportTests {
    /// A server that answers every request with 201, two `Set-Thing` headers and a body, and
    /// prints what it received (method, path, headers, body) as one JSON line per request. A
    /// thread per connection: a read's connection stays open (kept alive for the next read).
    static let server = #"""
        import http.server, json, sys
        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def handle_one(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n).decode() if n else ""
                print(json.dumps({"method": self.command, "path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}), flush=True)
                out = b'{"response": {"status": "OK"}}'
                self.send_response(201)
                self.send_header("Set-Thing", "one")
                self.send_header("Set-Thing", "two")
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)
            do_GET = do_POST = do_PUT = do_DELETE = handle_one
            def log_message(self, *a): pass
        s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        print(s.server_address[1], flush=True)
        s.serve_forever()
        """#

    @Test func whatGoesOutAndWhatComesBack() async throws {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = ["-c", Self.server]
        let output = Pipe()
        python.standardOutput = output
        // Not the test's own stderr: a server left behind would hold `swift test`'s pipe open.
        python.standardError = FileHandle.nullDevice
        try python.run()
        defer {
            kill(python.processIdentifier, SIGKILL)
            python.waitUntilExit()
        }
        var lines = LineReader(handle: output.fileHandleForReading)
        let port = try #require(Int(lines.next() ?? ""))
        let transport = InvestTransport(host: "127.0.0.1", timeout: 5)
        let base = "http://127.0.0.1:\(port)"

        let read = try await transport.send(method: "GET", url: URL(string: base + "/line-item?start_element=0")!,
                                            headers: ["Accept": "application/json"], body: nil, fresh: false)
        #expect(read.status == 201 && read.headers["set-thing"] == "one, two" && read.headers["content-length"] == "30", "\(read.headers)")
        #expect(String(decoding: read.body, as: UTF8.self) == #"{"response": {"status": "OK"}}"#)
        let got = try JSONSerialization.jsonObject(with: Data((lines.next() ?? "").utf8)) as? [String: Any]
        let gotHeaders = got?["headers"] as? [String: String] ?? [:]
        #expect(got?["method"] as? String == "GET" && got?["path"] as? String == "/line-item?start_element=0", "\(String(describing: got))")
        #expect(gotHeaders["accept"] == "application/json" && gotHeaders["user-agent"] == "clicktrax" && gotHeaders["expect"] == nil, "\(gotHeaders)")

        for method in ["POST", "PUT", "DELETE"] {
            let body = method == "DELETE" ? nil : Data(#"{"click-tracker": {"name": "Zürich – 東京"}}"#.utf8)
            let answer = try await transport.send(method: method, url: URL(string: base + "/click-tracker?id=7")!,
                                                  headers: ["Content-Type": "application/json"], body: body, fresh: true)
            #expect(answer.status == 201, "\(method)")
            let seen = try JSONSerialization.jsonObject(with: Data((lines.next() ?? "").utf8)) as? [String: Any]
            let seenHeaders = seen?["headers"] as? [String: String] ?? [:]
            #expect(seen?["method"] as? String == method, "\(String(describing: seen))")
            #expect(seen?["body"] as? String == body.map { String(decoding: $0, as: UTF8.self) } ?? "", "\(method): \(String(describing: seen))")
            if body != nil { #expect(seenHeaders["content-type"] == "application/json", "\(seenHeaders)") }
        }
    }

    @Test func aRefusedConnectionIsNotDelivered() async throws {
        // A port nothing listens on: bound, then closed.
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        let port = UInt16(bigEndian: address.sin_port)
        close(socket)
        let transport = InvestTransport(host: "127.0.0.1", timeout: 2)
        do {
            _ = try await transport.send(method: "POST", url: URL(string: "http://127.0.0.1:\(port)/auth")!, headers: [:], body: Data("{}".utf8), fresh: true)
            Issue.record("a refused connection answered")
        } catch let failure as InvestTransport.Failure {
            #expect(failure.reason == "the connection was refused" && !failure.maybeDelivered, "\(failure)")
        }
    }
}

/// Lines from a pipe, as they come.
struct LineReader {
    let handle: FileHandle
    private var buffer = Data()

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer = Data(buffer[(newline + 1)...])
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}
