import ClicktraxCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The stand-in Invest API (`scripts/invest-standin`, Python's standard library only) on a free
/// loopback port, for one test; killed when the test is done. Its `/_standin/*` calls seed it,
/// inject faults and read back what it holds and what it was asked.
final class InvestStandIn: @unchecked Sendable {
    static let username = "ops@example.com"
    static let password = "Stand-in-Pass1"

    let port: Int
    private let pid: pid_t
    var api: String { "http://127.0.0.1:\(port)" }

    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/invest-standin").path
    }

    init(folder: URL, arguments: [String] = []) throws {
        try SystemTools.require("python3", package: "python3", check: ["/bin/sh", "-c", "command -v python3"])
        var out: [Int32] = [-1, -1]
        guard pipe(&out) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_addclose(&actions, out[0])
        posix_spawn_file_actions_addopen(&actions, 2, folder.appendingPathComponent("standin.log").path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        let argv = (["python3", Self.script, "--port", "0", "--empty"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawnp(&child, "python3", &actions, nil, argv, environ)
        close(out[1])
        guard status == 0 else {
            close(out[0])
            throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO)
        }
        pid = child
        // Its first line says the port once it accepts connections.
        var line = Data()
        var byte: UInt8 = 0
        while read(out[0], &byte, 1) == 1, byte != 0x0A { line.append(byte) }
        close(out[0])
        guard let text = String(data: line, encoding: .utf8), text.hasPrefix("listening on "), let port = Int(text.dropFirst(13)) else {
            kill(child, SIGKILL)
            throw POSIXError(.ECONNREFUSED)
        }
        self.port = port
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// A control call: the JSON it answers (everything the stand-in holds, and its request log).
    @discardableResult
    func control(_ name: String, _ body: [String: Any] = [:]) throws -> [String: Any] {
        var request = URLRequest(url: URL(string: "\(api)/_standin/\(name)")!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, error in
            answer.data = data
            answer.error = error
            done.signal()
        }.resume()
        done.wait()
        if let error = answer.error { throw error }
        return (try JSONSerialization.jsonObject(with: answer.data ?? Data())) as? [String: Any] ?? [:]
    }

    private final class Answer: @unchecked Sendable {
        var data: Data?
        var error: Error?
    }

    func seed(_ objects: [String: Any]) throws { try control("seed", objects) }

    func fault(_ spec: [String: Any]) throws { try control("fault", spec) }

    /// The trackers Invest holds, by id.
    func trackers() throws -> [[String: Any]] { try control("state")["trackers"] as? [[String: Any]] ?? [] }

    /// Every call it was asked, oldest first: method, path, service, authorization, body.
    func log() throws -> [[String: Any]] { try control("state")["log"] as? [[String: Any]] ?? [] }

    func logins() throws -> Int { try control("state")["logins"] as? Int ?? -1 }

    /// A small member: two advertisers, three line items, a publisher with a placement and a
    /// payment rule, and tracker 1425 of Invest's own example.
    func seedExample() throws {
        try seed([
            "advertisers": [["id": 37236, "name": "Acme Corp"], ["id": 37237, "name": "Globex"]],
            "line_items": [["id": 74957, "name": "Test Line Item", "advertiser_id": 37236],
                           ["id": 74958, "name": "Spring Sale", "advertiser_id": 37236],
                           ["id": 80001, "name": "Globex Launch", "advertiser_id": 37237]],
            "publishers": [["id": 44449, "name": "November Publisher"]],
            "placements": [["id": 474412, "name": "[Demo Publisher] - Default", "publisher_id": 44449]],
            "payment_rules": [["id": 900, "name": "Base rule", "publisher_id": 44449, "pricing_type": "revshare", "revshare": 0.5]],
            "clicktrackers": [["id": 1425, "advertiser_id": 37236, "name": "Test Click Tracker", "click_url": "https://test-landing-page.com",
                               "publisher": ["id": 44449, "name": "November Publisher"],
                               "line_item": ["id": 74957, "name": "Test Line Item"], "tag": NSNull(), "payment_rule": NSNull()]],
        ])
    }
}
