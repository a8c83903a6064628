import ClicktraxCore
import Foundation
import Testing

/// The endpoint is not trusted more than it should be (issue 28): credentials go only where the
/// operator said; the token file follows no link and feeds no pipe; a database others control
/// is refused; answers are bounded; what the server says is shown inert; a trap gives the
/// terminal back.
@Suite struct EndpointTrustTests {
    let commands = InvestCommandTests()

    func tokenPath(_ setup: InvestCommandTests.Setup) -> String { setup.cli.database + ".invest-token" }

    @Test func theTokenFileFollowsNoLinkAndFeedsNoPipe() throws {
        let setup = try commands.connected()
        let victim = setup.cli.home.appendingPathComponent("someone-elses-file")
        try Data("precious".utf8).write(to: victim)
        unlink(tokenPath(setup))
        #expect(symlink(victim.path, tokenPath(setup)) == 0)
        // The address of the last login lives in the token file: without it nothing is sent.
        let refused = try setup.run(["invest", "pull"])
        #expect(refused.status == 1 && refused.stderr.contains("no Invest API address"), "\(refused.stderr)")
        let login = ["invest", "login", "--api", setup.invest.api, "--username", InvestStandIn.username]
        #expect(try setup.run(login).status == 0)
        #expect(try setup.run(["invest", "pull"]).status == 0)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious", "the link's target is not written")
        var info = stat()
        #expect(lstat(tokenPath(setup), &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_mode & 0o777 == 0o600)

        // A FIFO planted at the path: never opened for writing (a reader would get the token), and
        // refused as a token when read.
        unlink(tokenPath(setup))
        #expect(mkfifo(tokenPath(setup), 0o600) == 0)
        let status = try setup.cli.run(["invest", "status"])
        #expect(status.stdout.contains("is not a regular file"), "\(status.stdout)")
        #expect(try setup.run(login).status == 0, "a login replaces the pipe, never writing into it")
        #expect(try setup.run(["invest", "pull"]).status == 0)
        #expect(lstat(tokenPath(setup), &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
        // Readable by others: not trusted.
        chmod(tokenPath(setup), 0o644)
        #expect(try setup.cli.run(["invest", "status"]).stdout.contains("others may read or write it"))
    }

    @Test func credentialsNeverGoToAnAddressReadFromTheDatabase() throws {
        let setup = try commands.connected()
        let elsewhere = try InvestStandIn(folder: setup.cli.home)
        // Someone edits the database to point at their listener.
        let store = try SQLiteStore.open(path: setup.cli.database)
        var connection = try #require(try store.investConnection())
        connection.api = elsewhere.api
        try store.saveInvestConnection(connection)
        try setup.invest.control("expire-tokens")
        for command in [["invest", "pull"], ["invest", "push"], ["invest", "login"], ["invest", "status"]] {
            let result = try setup.run(command)
            if command != ["invest", "status"] { #expect(result.status != 0, "\(command): \(result.stdout)") }
        }
        #expect(try elsewhere.log().isEmpty, "the listener at the database's address received nothing")
        #expect(try elsewhere.logins() == 0)
    }

    @Test func aDatabaseOthersMayWriteIsRefusedAndOneOfAnotherUserTooForInvest() throws {
        let setup = try commands.connected()
        chmod(setup.cli.database, 0o666)
        let refused = try setup.run(["trackers", "list"])
        #expect(refused.status == 1 && refused.stderr.contains("other users may write it (mode 0666)"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        chmod(setup.cli.database, 0o600)
        guard geteuid() == 0 else { return }
        // Owned by another user (root may hand it over): Invest commands refuse it.
        #expect(chown(setup.cli.database, 65534, 65534) == 0)
        defer { chown(setup.cli.database, 0, 0) }
        let pull = try setup.run(["invest", "pull"])
        #expect(pull.status != 0 && pull.stderr.contains("belongs to another user"), "\(pull.stderr)")
        #expect(try setup.invest.log().filter { $0["service"] as? String == "auth" }.count == 1, "no new login")
    }

    @Test func aLoopbackRequestNeverGoesThroughAProxy() throws {
        let setup = try commands.connected()
        let proxy = try InvestStandIn(folder: setup.cli.home)
        try setup.invest.control("expire-tokens")
        for variable in ["http_proxy", "HTTP_PROXY", "all_proxy"] {
            let pulled = try setup.run(["invest", "pull"], [variable: proxy.api])
            #expect(pulled.status == 0, "\(variable): \(pulled.stderr)")
        }
        #expect(try proxy.log().isEmpty, "the proxy saw nothing, the password least of all")
    }

    @Test(arguments: ["gzip_bomb", "endless", "huge_header"])
    func answersAreBounded(kind: String) throws {
        let setup = try commands.connected()
        try setup.invest.fault(["kind": kind, "path": "line-item", "times": 10])
        // Under a memory ceiling far below what decoding the bomb would take.
        let result = try setup.cli.run(shell: "ulimit -v 3000000; exec \"$0\" --database \"$1\" invest pull",
                                       [CLIRunner.binary.path, setup.cli.database])
        #expect(result.status == 1, "\(kind): \(result.status) \(result.stderr)")
        let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("clicktrax: ") && !last.contains("Out of memory"), "\(kind): \(result.stderr)")
        switch kind {
        case "endless": #expect(result.stderr.contains("larger than the 32 MB a page may hold"), "\(result.stderr)")
        case "huge_header": #expect(last.contains("header line"), "\(result.stderr)")
        default: #expect(result.stderr.contains("not JSON") || result.stderr.contains("not usable"), "\(result.stderr)")
        }
        #expect(try setup.run(["line-items", "list", "--format", "csv"]).stdout.contains("Test Line Item"), "nothing applied, nothing lost")
    }

    @Test(arguments: [Int64.max, 1_000_000_000_000])
    func aCountThatLiesIsAHintNeverATrap(count: Int64) throws {
        let setup = try commands.connected(pull: false)
        try setup.invest.fault(["kind": "count", "path": "line-item", "count": count, "times": 100])
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        let pages = try setup.invest.log().filter { $0["service"] as? String == "line-item" }.count
        #expect(pages < 40, "pages asked past the end: \(pages)")
        #expect(try setup.run(["line-items", "list", "--format", "csv"]).stdout.contains("Spring Sale"))
    }

    @Test func aRedirectOrA4xxIsAnErrorNeverAnEmptyList() throws {
        let setup = try commands.connected()
        try setup.invest.fault(["kind": "status", "path": "line-item", "status": 302, "headers": ["Location": "https://elsewhere.example/"],
                                "body": "", "times": 10])
        let redirected = try setup.run(["invest", "pull", "--full"])
        #expect(redirected.status == 1 && redirected.stderr.contains("HTTP 302: redirected to https://elsewhere.example/, which is not followed"),
                "\(redirected.stderr)")
        try setup.invest.control("faults/clear")
        try setup.invest.fault(["kind": "status", "path": "line-item", "status": 404, "content_type": "application/json",
                                "body": #"{"response": {"status": "OK", "line-items": []}}"#, "times": 10])
        let missing = try setup.run(["invest", "pull", "--full"])
        #expect(missing.status == 1 && missing.stderr.contains("HTTP 404 without an error in the answer"), "\(missing.stderr)")
        #expect(try setup.run(["line-items", "list", "--format", "csv"]).stdout.contains("Spring Sale"), "nothing removed")
    }

    @Test func whatTheServerSaysIsShownInertOnStdout() throws {
        let setup = try commands.connected(pull: false)
        let hostile = "Evil \u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{9B}31m\u{202E}Member"
        try setup.invest.control("member", ["name": hostile])
        let login = try setup.run(["invest", "login", "--api", setup.invest.api, "--username", InvestStandIn.username])
        #expect(login.status == 0)
        #expect(try setup.run(["invest", "pull"]).status == 0)
        // A conflict whose Invest side carries escape sequences.
        #expect(try setup.run(["trackers", "update", "1425", "--name", "Mine"]).status == 0)
        try setup.invest.control("modify-tracker", ["id": 1425, "fields": ["name": hostile, "click_url": "https://x.example/\u{1B}[2J"]])
        #expect(try setup.run(["invest", "pull"]).status == 0)
        for output in [login.stdout, try setup.run(["invest", "status"]).stdout, try setup.run(["invest", "pull"]).stdout,
                       try setup.run(["invest", "push"]).stdout] {
            let bad = output.unicodeScalars.filter {
                ($0.properties.generalCategory == .control && $0 != "\n") || $0.properties.generalCategory == .format
            }
            #expect(bad.isEmpty, "\(bad.map { String($0.value, radix: 16) }) in \(output.debugDescription.prefix(400))")
        }
    }

    @Test func aReportIdNeverReachesAPathAndCostsNeverOverflow() throws {
        let setup = try commands.connected()
        let marker = "clicktrax-traversal-\(UUID().uuidString)"
        try setup.invest.fault(["kind": "report_id", "method": "POST", "path": "report", "report_id": "../../../../../tmp/\(marker)"])
        let now = Int64(Date().timeIntervalSince1970)
        let hour = ClickTime.startOfHour(now) - ClickTime.day
        // Twenty clicks of an absurd cost each: their sum is past what 64 bits hold.
        try setup.invest.control("clicks", ["rows": (0..<20).map { n in
            ["datetime": ClickTime.format(hour + Int64(n)), "auction_id": n + 1, "tracker_id": 1425, "line_item_id": 74957,
             "publisher_id": 44449, "tag_id": 0, "media_buy_cost": "899999999.999999999"] as [String: Any]
        }])
        let day = String(ClickTime.formatHour(hour).replacingOccurrences(of: " ", with: "T").prefix(13))
        let pulled = try setup.run(["invest", "pull-clicks", "--from", day, "--to", day])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/\(marker)") && !FileManager.default.fileExists(atPath: "/tmp/\(marker).csv"))
        let report = try setup.run(["report", "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        let body = (document?["response"] as? [String: Any])?["report"] as? [String: Any]
        #expect((body?["clicks"] as? Int) == 20, "\(String(describing: body))")
        #expect(((body?["media_cost"] as? Double) ?? 0) > 9e9, "held at the largest, never wrapped negative: \(String(describing: body))")
    }

    @Test func aCrashOfTheUIGivesTheTerminalBack() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo", "--line-items", "200", "--trackers", "20"]).status == 0)
        let tmux = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(cli.database)", width: 120, height: 30,
                                   environment: ["HOME": cli.home.path])
        _ = try tmux.waitFor { $0.contains("of 20 shown") }
        let pid = try Subprocess.run("pgrep", ["-f", "^\(CLIRunner.binary.path) --database \(cli.database)"]).stdoutText
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        #expect(!pid.isEmpty)
        // A bad memory access, as a trap or a crash would raise it.
        #expect(try Subprocess.run("kill", ["-SEGV", pid]).succeeded)
        let after = try tmux.waitFor { $0.contains("EXITED") && $0.contains("icanon") }
        #expect(after.contains("EXITED 139"), "\(after)")
        #expect(after.contains("stopped by an internal error; the terminal was given back"), "\(after)")
        #expect(after.contains(" icanon") && after.contains(" echo ") && !after.contains("-icanon"), "\(after)")
    }
}
