import ClicktraxCore
import Foundation
import Testing

/// `clicktrax invest …` against the stand-in Invest API on loopback, faults included.
@Suite struct InvestCommandTests {
    struct Setup {
        let cli: CLIRunner
        let invest: InvestStandIn
        let environment: [String: String]

        @discardableResult
        func run(_ arguments: [String], _ extra: [String: String] = [:]) throws -> CLIRunner.Result {
            try cli.run(arguments, environment: environment.merging(extra) { $1 })
        }
    }

    /// Logged in to a seeded stand-in (and pulled, unless told not to).
    func connected(pull: Bool = true, standInArguments: [String] = [], config: String? = nil) throws -> Setup {
        let cli = try CLIRunner()
        let invest = try InvestStandIn(folder: cli.home, arguments: standInArguments)
        try invest.seedExample()
        var environment = ["CLICKTRAX_INVEST_PASSWORD": InvestStandIn.password]
        if let config {
            let folder = cli.home.appendingPathComponent("config/clicktrax")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try config.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
            environment["XDG_CONFIG_HOME"] = cli.home.appendingPathComponent("config").path
        }
        let setup = Setup(cli: cli, invest: invest, environment: environment)
        let login = try setup.run(["invest", "login", "--api", invest.api, "--username", InvestStandIn.username])
        #expect(login.status == 0, "\(login.stderr)")
        if pull {
            let pulled = try setup.run(["invest", "pull"])
            #expect(pulled.status == 0, "\(pulled.stderr)")
        }
        return setup
    }

    func createHere(_ setup: Setup, name: String, lineItem: Int = 74958, extra: [String] = []) throws -> Int64 {
        let created = try setup.run(["trackers", "create", "--name", name, "--line-item", "\(lineItem)", "--publisher", "44449"] + extra)
        #expect(created.status == 0, "\(created.stderr)")
        let id = created.stdout.split(separator: " ").dropFirst(3).first.flatMap { Int64($0) } ?? 0
        #expect(InvestIDs.isProvisional(id), "\(created.stdout)")
        return id
    }

    func trackersOnInvest(_ setup: Setup, named name: String) throws -> [[String: Any]] {
        try setup.invest.trackers().filter { $0["name"] as? String == name }
    }

    @Test func aTrackerMadeHereIsPendingUntilPushedThenExportsWithInvestsId() throws {
        let setup = try connected()
        let listed = try setup.run(["trackers", "list", "--format", "csv"])
        #expect(listed.stdout.contains("1425"))
        let id = try createHere(setup, name: "Made Here", extra: ["--landing-page-url", "https://example.com/a"])

        let refused = try setup.run(["export", "\(id)"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not on Invest yet"))
        #expect(refused.stderr.contains("clicktrax invest push"))
        #expect(try setup.run(["invest", "status"]).stdout.contains("create  \(id)  Made Here"))

        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 0, "\(pushed.stderr)")
        let onInvest = try trackersOnInvest(setup, named: "Made Here")
        #expect(onInvest.count == 1)
        let investId = onInvest.first?["id"] as? Int ?? -1
        #expect(pushed.stdout.contains("→ Invest id \(investId)"))
        let exported = try setup.run(["export", "\(investId)"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("clktrb?id=\(investId)&"))
        // Its history went with it.
        #expect(try setup.run(["trackers", "history", "\(investId)"]).stdout.contains("created"))
        #expect(try setup.run(["invest", "status"]).stdout.contains("pending: 0"))
        #expect(try setup.run(["check"]).status == 0)
    }

    @Test func aPushSendsOnlyTheChangedFieldsAndStateChanges() throws {
        let setup = try connected()
        #expect(try setup.run(["trackers", "update", "1425", "--name", "Renamed Here"]).status == 0)
        #expect(try setup.run(["trackers", "deactivate", "1425"]).status == 0)
        let dry = try setup.run(["invest", "push", "--dry-run"])
        #expect(dry.stdout.contains("would update 1425 “Renamed Here”: name, state"))
        #expect(try setup.invest.log().allSatisfy { $0["method"] as? String != "PUT" })
        #expect(try setup.run(["invest", "push"]).status == 0)
        let put = try setup.invest.log().first { $0["method"] as? String == "PUT" }
        let body = (put?["body"] as? [String: Any])?["clicktracker"] as? [String: Any]
        #expect(Set(body?.keys.map { $0 } ?? []) == ["name", "state"])
        let invest = try setup.invest.trackers().first { $0["id"] as? Int == 1425 }
        #expect(invest?["name"] as? String == "Renamed Here")
        #expect(invest?["state"] as? String == "inactive")
    }

    @Test func aDeleteHereIsDeletedOnInvest() throws {
        let setup = try connected()
        #expect(try setup.run(["trackers", "delete", "1425"]).status == 0)
        #expect(try setup.run(["invest", "status"]).stdout.contains("delete  1425"))
        #expect(try setup.run(["invest", "push"]).status == 0)
        #expect(try setup.invest.trackers().isEmpty)
        #expect(try setup.run(["invest", "status"]).stdout.contains("pending: 0"))
    }

    @Test func theConnectionDroppedAfterInvestStoredTheTrackerStillCreatesItOnce() throws {
        let setup = try connected()
        _ = try createHere(setup, name: "Answer Lost")
        try setup.invest.fault(["kind": "drop_after_commit", "method": "POST", "path": "clicktracker"])
        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 0, "\(pushed.stdout) \(pushed.stderr)")
        #expect(try trackersOnInvest(setup, named: "Answer Lost").count == 1)
        #expect(try setup.invest.log().filter { $0["method"] as? String == "POST" && $0["service"] as? String == "clicktracker" }.count == 1)
        #expect(try setup.run(["invest", "push"]).stdout.contains("nothing to push"))
        #expect(try trackersOnInvest(setup, named: "Answer Lost").count == 1)
    }

    @Test func theConnectionDroppedBeforeInvestStoredItSendsItAgainOnce() throws {
        let setup = try connected()
        _ = try createHere(setup, name: "Never Arrived")
        try setup.invest.fault(["kind": "drop_before_commit", "method": "POST", "path": "clicktracker"])
        let first = try setup.run(["invest", "push"])
        #expect(try trackersOnInvest(setup, named: "Never Arrived").isEmpty, "\(first.stdout)")
        #expect(try setup.run(["invest", "push"]).status == 0)
        #expect(try trackersOnInvest(setup, named: "Never Arrived").count == 1)
    }

    @Test func killedWhilePushingThenRunAgainCreatesEachTrackerOnce() throws {
        let setup = try connected()
        _ = try createHere(setup, name: "Killed Push")
        // Invest takes 2 s to store it; the push is killed while it waits, the store happens anyway.
        try setup.invest.fault(["kind": "delay", "seconds": 2, "method": "POST", "path": "clicktracker"])
        var arguments = ["--database", setup.cli.database, "invest", "push"]
        let child = try spawn(CLIRunner.binary.path, &arguments, environment: setup.cli.environment(setup.environment))
        for _ in 0..<100 where try setup.invest.log().contains(where: { $0["method"] as? String == "POST" && $0["service"] as? String == "clicktracker" }) == false {
            usleep(50_000)
        }
        kill(child, SIGKILL)
        var status: Int32 = 0
        waitpid(child, &status, 0)
        sleep(3)
        #expect(try trackersOnInvest(setup, named: "Killed Push").count == 1)
        let again = try setup.run(["invest", "push"])
        #expect(again.status == 0, "\(again.stdout) \(again.stderr)")
        #expect(try trackersOnInvest(setup, named: "Killed Push").count == 1)
        #expect(try setup.run(["check"]).status == 0)
        #expect(try setup.run(["invest", "status"]).stdout.contains("pending: 0"))
    }

    @Test func aTrackerInvestRefusesIsReportedAndTheOthersStillGo() throws {
        let setup = try connected()
        _ = try createHere(setup, name: "REFUSE me")
        _ = try createHere(setup, name: "Fine One")
        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 1)
        #expect(pushed.stdout.contains("refused  create"))
        #expect(pushed.stdout.contains("tracker name refused by the stand-in's policy"))
        #expect(pushed.stdout.contains("1 of 2 pushed"))
        #expect(try trackersOnInvest(setup, named: "Fine One").count == 1)
        #expect(try setup.run(["invest", "status"]).stdout.contains("(refused by Invest: tracker name refused"))
    }

    @Test func anEditOverAChangeMadeOnInvestIsConflictingAndNothingIsOverwritten() throws {
        let setup = try connected()
        #expect(try setup.run(["trackers", "update", "1425", "--name", "Mine"]).status == 0)
        try setup.invest.control("modify-tracker", ["id": 1425, "fields": ["name": "Theirs"]])
        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 1)
        #expect(pushed.stdout.contains("conflict update 1425"))
        #expect(try setup.invest.trackers().first?["name"] as? String == "Theirs")
        let status = try setup.run(["invest", "status"]).stdout
        #expect(status.contains("mine:   “Mine”"))
        #expect(status.contains("theirs: “Theirs”"))
        #expect(try setup.run(["invest", "resolve", "1425", "--keep-mine"]).status == 0)
        #expect(try setup.run(["invest", "push"]).status == 0)
        #expect(try setup.invest.trackers().first?["name"] as? String == "Mine")
    }

    @Test func aPullNeverOverwritesAPendingChange() throws {
        let setup = try connected()
        #expect(try setup.run(["trackers", "update", "1425", "--name", "Mine"]).status == 0)
        try setup.invest.control("modify-tracker", ["id": 1425, "fields": ["name": "Theirs"]])
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.contains("conflicting (changed here and on Invest; both kept): 1425"))
        #expect(try setup.run(["trackers", "show", "1425"]).stdout.contains("Mine"))
        let json = try setup.run(["invest", "status", "--format", "json"]).stdout
        let status = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let conflict = (status?["conflicts"] as? [[String: Any]])?.first
        #expect((conflict?["theirs"] as? [String: Any])?["name"] as? String == "Theirs")
        #expect((conflict?["mine"] as? [String: Any])?["name"] as? String == "Mine")
        #expect(try setup.run(["invest", "resolve", "1425", "--keep-theirs"]).status == 0)
        #expect(try setup.run(["trackers", "show", "1425"]).stdout.contains("Theirs"))
        #expect(try setup.run(["invest", "status"]).stdout.contains("conflicting: 0"))
        #expect(try setup.run(["check"]).status == 0)
    }

    @Test func anUnchangedTrackerTakesInvestsChangesOnPull() throws {
        let setup = try connected()
        try setup.invest.control("modify-tracker", ["id": 1425, "fields": ["name": "Changed On Invest"]])
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.stdout.contains("1 updated"), "\(pulled.stdout)")
        #expect(try setup.run(["trackers", "show", "1425"]).stdout.contains("Changed On Invest"))
        // Incremental: the second pull asked only what changed since.
        #expect(try setup.invest.log().contains { ($0["path"] as? String ?? "").contains("min_last_modified=") })
    }

    @Test func aFullPullRemovesWhatInvestLostButNotWhatAPendingTrackerNeeds() throws {
        let setup = try connected()
        _ = try createHere(setup, name: "Needs Spring Sale", lineItem: 74958)
        try setup.invest.control("remove", ["service": "line-item", "id": 74958])
        try setup.invest.control("remove", ["service": "line-item", "id": 80001])
        try setup.invest.control("remove", ["service": "clicktracker", "id": 1425])
        let pulled = try setup.run(["invest", "pull", "--full"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.contains("1 removed"))
        #expect(try setup.run(["trackers", "show", "1425"]).status == 2)
        let items = try setup.run(["line-items", "search", "Spring Sale", "--format", "json"]).stdout
        #expect(items.contains("74958"), "kept: a pending tracker uses it")
        #expect(!(try setup.run(["line-items", "search", "Globex", "--format", "json"]).stdout.contains("80001")))
        #expect(try setup.run(["check"]).status == 0)
    }

    @Test func anErrorMidPullChangesNothingHere() throws {
        let setup = try connected()
        try setup.invest.seed(["line_items": [["id": 74999, "name": "Added On Invest", "advertiser_id": 37236]]])
        try setup.invest.fault(["kind": "error", "error_id": "SYSTEM", "error": "database exploded", "path": "clicktracker"])
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.status == 1)
        #expect(pulled.stderr.contains("database exploded"))
        #expect(pulled.stderr.split(separator: "\n").last?.hasPrefix("clicktrax: ") == true)
        #expect(!(try setup.run(["line-items", "search", "Added", "--format", "json"]).stdout.contains("74999")))
        #expect(try setup.run(["invest", "pull"]).status == 0)
        #expect(try setup.run(["line-items", "search", "Added", "--format", "json"]).stdout.contains("74999"))
    }

    @Test(arguments: ["not_json", "truncated"])
    func aPageThatIsNotJSONIsRetriedThenReported(kind: String) throws {
        let setup = try connected(pull: false)
        try setup.invest.fault(["kind": kind, "path": "line-item", "times": 1])
        let retried = try setup.run(["invest", "pull"])
        #expect(retried.status == 0, "one bad page is tried again: \(retried.stderr)")
        try setup.invest.fault(["kind": kind, "path": "advertiser", "times": 20])
        let failed = try setup.run(["invest", "pull", "--full"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains(kind == "not_json" ? "not JSON" : "cut off"), "\(failed.stderr)")
    }

    @Test(arguments: ["429", "503", "405"])
    func throttlingIsWaitedOutAndShown(style: String) throws {
        let setup = try connected(pull: false)
        try setup.invest.fault(["kind": "throttle", "style": style, "retry_after": 1, "path": "line-item", "times": 2])
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stderr.contains("Invest is throttling line-item: waiting 1.2 s"), "\(pulled.stderr)")
    }

    @Test func anExpiredTokenLogsInAgainOnce() throws {
        let setup = try connected()
        let before = try setup.invest.logins()
        try setup.invest.control("expire-tokens")
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stderr.contains("logged in again"), "\(pulled.stderr)")
        #expect(try setup.invest.logins() == before + 1)
        // The new token was kept: the next command does not log in.
        #expect(try setup.run(["invest", "pull"]).status == 0)
        #expect(try setup.invest.logins() == before + 1)
    }

    @Test func logoutForgetsTheToken() throws {
        let setup = try connected()
        let token = setup.cli.database + ".invest-token"
        var info = stat()
        #expect(stat(token, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let out = try setup.run(["invest", "logout"])
        #expect(out.status == 0)
        #expect(!FileManager.default.fileExists(atPath: token))
        #expect(try setup.run(["invest", "status"]).stdout.contains("logged out"))
    }

    @Test(arguments: [("wrong", "active", "refused the username or password"), (InvestStandIn.password, "expired", "password of ops@example.com has expired"),
                      (InvestStandIn.password, "disabled", "deactivated")])
    func aLoginInvestRefusesSaysWhy(password: String, state: String, message: String) throws {
        let cli = try CLIRunner()
        let invest = try InvestStandIn(folder: cli.home)
        try invest.control("user", ["username": InvestStandIn.username, "password": InvestStandIn.password, "state": state])
        let login = try cli.run(["invest", "login", "--api", invest.api, "--username", InvestStandIn.username],
                                environment: ["CLICKTRAX_INVEST_PASSWORD": password])
        #expect(login.status == 1)
        #expect(login.stderr.contains(message), "\(login.stderr)")
        #expect(login.stderr.split(separator: "\n").count == 1)
        #expect(try invest.logins() <= 1, "no loop on /auth")
    }

    @Test func withoutAPasswordSourceTheLoginSaysWhereToPutOne() throws {
        let cli = try CLIRunner()
        let invest = try InvestStandIn(folder: cli.home)
        let login = try cli.run(["invest", "login", "--api", invest.api, "--username", InvestStandIn.username])
        #expect(login.status == 1)
        #expect(login.stderr.contains("password_command"))
        #expect(login.stderr.contains("CLICKTRAX_INVEST_PASSWORD"))
    }

    @Test func thePasswordIsWrittenNowhere() throws {
        let secret = "Zq9#Unique-Secret-4711"
        let cli = try CLIRunner()
        let invest = try InvestStandIn(folder: cli.home)
        try invest.seedExample()
        try invest.control("user", ["username": "leak@example.com", "password": secret])
        // Through password_command: a script that prints it, run without a shell.
        let script = cli.home.appendingPathComponent("print-password")
        try "#!/bin/sh\necho '\(secret)'\n".write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o700)
        let folder = cli.home.appendingPathComponent("config/clicktrax")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Through /bin/sh, not exec'd itself: a child another test forks while the script is still
        // open for writing would make exec fail with "text file busy".
        try "[invest]\nusername = \"leak@example.com\"\npassword_command = [\"/bin/sh\", \"\(script.path)\"]\n"
            .write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": cli.home.appendingPathComponent("config").path]
        #expect(try cli.run(["invest", "login", "--api", invest.api], environment: environment).status == 0)
        #expect(try cli.run(["invest", "pull"], environment: environment).status == 0)
        #expect(try cli.run(["trackers", "create", "--name", "Leak Check", "--line-item", "74958", "--publisher", "44449"],
                            environment: environment).status == 0)
        try invest.control("expire-tokens")
        let pushed = try cli.run(["invest", "push"], environment: environment)
        #expect(pushed.status == 0)
        #expect(!pushed.stdout.contains(secret) && !pushed.stderr.contains(secret))
        // Every file the runs touched (database, its WAL, the token, the config, logs) — except the script that prints it.
        let files = FileManager.default.enumerator(atPath: cli.home.path)?.compactMap { $0 as? String } ?? []
        var searched = 0
        for file in files where file != "print-password" {
            guard let data = FileManager.default.contents(atPath: cli.home.appendingPathComponent(file).path) else { continue }
            searched += 1
            #expect(data.range(of: Data(secret.utf8)) == nil, "the password is in \(file)")
        }
        #expect(searched >= 3)
        // Nor in any URL the stand-in was asked.
        #expect(try invest.log().allSatisfy { !($0["path"] as? String ?? "").contains("4711") })
    }

    @Test func plainHTTPToAnotherMachineIsRefused() throws {
        let cli = try CLIRunner()
        let login = try cli.run(["invest", "login", "--api", "http://api.appnexus.com", "--username", "a@b.c"],
                                environment: ["CLICKTRAX_INVEST_PASSWORD": "x"])
        #expect(login.status == 2)
        #expect(login.stderr.contains("plain http is allowed only to this machine"))
    }

    @Test(arguments: [("http://127.0.0.1:9", "127.0.0.1: the connection was refused"),
                      ("https://no-such-host.invalid", "no-such-host.invalid: cannot resolve the host name (DNS)")])
    func networkFailuresAreOneLineNamingTheHost(api: String, message: String) throws {
        let cli = try CLIRunner()
        let login = try cli.run(["invest", "login", "--api", api, "--username", "a@b.c"], environment: ["CLICKTRAX_INVEST_PASSWORD": "x"])
        #expect(login.status == 1)
        #expect(login.stderr == "clicktrax: \(message)\n", "\(login.stderr)")
    }

    @Test func tlsToAServerThatSpeaksPlainHTTPFailsNamingTheHost() throws {
        let cli = try CLIRunner()
        let invest = try InvestStandIn(folder: cli.home)
        let login = try cli.run(["invest", "login", "--api", "https://127.0.0.1:\(invest.port)", "--username", "a@b.c"],
                                environment: ["CLICKTRAX_INVEST_PASSWORD": "x"])
        #expect(login.status == 1)
        #expect(login.stderr.hasPrefix("clicktrax: 127.0.0.1: "), "\(login.stderr)")
        #expect(login.stderr.split(separator: "\n").count == 1)
    }

    @Test func aTimeoutNamesTheHost() throws {
        let setup = try connected(pull: false, config: "[invest]\ntimeout = 1\n")
        try setup.invest.fault(["kind": "delay", "seconds": 3, "path": "advertiser", "times": 10])
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.status == 1)
        // The time it says is the time it waited.
        #expect(pulled.stderr.contains("clicktrax: 127.0.0.1: timed out: no complete answer after waiting "), "\(pulled.stderr)")
    }

    @Test func killedWhilePullingThenRunAgainResumesFromTheFetchedPages() throws {
        let cli = try CLIRunner()
        let invest = try InvestStandIn(folder: cli.home, arguments: ["--line-items", "20000", "--advertisers", "2", "--publishers", "2"])
        let environment = ["CLICKTRAX_INVEST_PASSWORD": InvestStandIn.password]
        #expect(try cli.run(["invest", "login", "--api", invest.api, "--username", InvestStandIn.username], environment: environment).status == 0)
        // Slow pages, so the pull is surely killed half-way.
        try invest.fault(["kind": "delay", "seconds": 0.2, "path": "line-item", "times": 1000])
        var arguments = ["--database", cli.database, "invest", "pull"]
        let child = try spawn(CLIRunner.binary.path, &arguments, environment: cli.environment(environment))
        func pages() throws -> Int { try invest.log().filter { $0["service"] as? String == "line-item" }.count }
        for _ in 0..<600 where try pages() < 80 { usleep(25_000) }
        kill(child, SIGKILL)
        var status: Int32 = 0
        waitpid(child, &status, 0)
        let fetched = try pages()
        // Killed before the end (200 pages); on a loaded machine the poll above may lag the pull.
        #expect(fetched >= 80 && fetched < 200, "\(fetched)")
        #expect(try cli.run(["check"]).status == 0)
        try invest.control("faults/clear")
        // The killed pull's slow pages may still be served: the peak counts the second run alone.
        let deadline = Date().addingTimeInterval(30)
        while try invest.control("state")["in_flight"] as? Int ?? 0 > 0, Date() < deadline { usleep(50_000) }
        try invest.control("reset-peak")
        // Pages a little slow again, so requests overlap however fast the machine is.
        try invest.fault(["kind": "delay", "seconds": 0.05, "path": "line-item", "times": 1000])
        let again = try cli.run(["invest", "pull"], environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        let second = try pages() - fetched
        // Slow pages keep requests waiting: the client still never has more than 4 in flight.
        let peak = try invest.control("state")["peak_in_flight"] as? Int ?? -1
        #expect(peak >= 2 && peak <= InvestClient.maxInFlight, "peak requests in flight: \(peak)")
        #expect(second <= 170, "resumed: \(second) line-item pages the second time, of 200")
        #expect(try cli.run(["check"]).status == 0)
        let counts = try cli.run(["line-items", "search", "0", "--limit", "1"]).status
        #expect(counts == 0)
        let advertisers = try cli.run(["advertisers", "list", "--format", "json"]).stdout
        #expect(advertisers.contains("Advertiser 2"))
    }

    /// Starts a process without waiting for it.
    func spawn(_ path: String, _ arguments: inout [String], environment: [String: String]) throws -> pid_t {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var child: pid_t = 0
        let status = posix_spawn(&child, path, &actions, nil, argv, envp)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        return child
    }
}

extension InvestCommandTests {
    @Test func connectingADatabaseWithTrackersMadeHereMakesThemPending() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo", "--line-items", "200"]).status == 0)
        let listed = try JSONSerialization.jsonObject(with: Data(try cli.run(["trackers", "list", "--format", "json"]).stdout.utf8))
        let before = ((listed as? [String: Any])?["response"] as? [String: Any])?["count"] as? Int ?? -1
        let invest = try InvestStandIn(folder: cli.home)
        try invest.seedExample()
        let environment = ["CLICKTRAX_INVEST_PASSWORD": InvestStandIn.password]
        #expect(try cli.run(["invest", "login", "--api", invest.api, "--username", InvestStandIn.username], environment: environment).status == 0)
        let pulled = try cli.run(["invest", "pull"], environment: environment)
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.contains("tracker 21378 was made here, not on Invest: it is now 1000000021378"))
        // The demo's ten impression trackers too: Invest has none of them.
        #expect(pulled.stdout.contains("impression tracker 1425 was made here, not on Invest: it is now 1000000001425"), "\(pulled.stdout)")
        let status = try cli.run(["invest", "status"]).stdout
        #expect(status.contains("pending: \(before + 10)"), "\(status)")
        #expect(status.contains("create  impression tracker 1000000001425"), "\(status)")
        let export = try cli.run(["export", "1000000021378"])
        #expect(export.status == 2 && export.stderr.contains("not on Invest yet"))
        let impExport = try cli.run(["imptrackers", "export", "1000000001425"])
        #expect(impExport.status == 2 && impExport.stderr.contains("not on Invest yet"), "\(impExport.stderr)")
        // They keep their line items and publishers.
        #expect(try cli.run(["imptrackers", "list", "--format", "csv"]).stdout.split(whereSeparator: \.isNewline).count == 11)
        #expect(try cli.run(["check"]).status == 0)
    }
}

extension InvestCommandTests {
    /// The real binary in tmux: More Actions › Push to Invest runs in the background while the
    /// keys stay live (the help opens and closes meanwhile), then says what it did.
    @Test func theUIPushesInTheBackgroundAndMarksWhatIsPending() throws {
        let setup = try connected()
        _ = try createHere(setup, name: "From The UI")
        // Invest takes a while to answer, so the push is seen running.
        try setup.invest.fault(["kind": "delay", "seconds": 2, "method": "POST", "path": "clicktracker"])
        let tmux = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(setup.cli.database)", width: 130, height: 30,
                                   environment: setup.environment.merging(["HOME": setup.cli.home.path]) { $1 })
        let first = try tmux.waitFor { $0.contains("2 of 2 shown") }
        #expect(first.contains("Invest member 958 · 1 pending (*)"), "\(first)")
        #expect(first.contains("new * From The UI"), "\(first)")
        try tmux.send("m")
        _ = try tmux.waitFor { $0.contains("Push to Invest") }
        try tmux.send("Up", "Up", "Enter") // the last but one: Take Invest's Copy is last
        let running = try tmux.waitFor { $0.contains("Pushing to Invest in the background") }
        #expect(running.contains("pushing"), "\(running)")
        try tmux.send("?")
        #expect(try tmux.waitFor { $0.contains("Everywhere") }.contains("Everywhere"), "keys stay live during a push")
        try tmux.send("Escape")
        let done = try tmux.waitFor(15) { $0.contains("1 of 1 pushed.") }
        let investId = try trackersOnInvest(setup, named: "From The UI").first?["id"] as? Int ?? -1
        #expect(done.contains("→ Invest id \(investId)"), "\(done)")
        try tmux.send("Escape")
        let after = try tmux.waitFor { !$0.contains("1 of 1 pushed.") && $0.contains("\(investId) From The UI") }
        #expect(!after.contains("pending (*)"), "\(after)")
        try tmux.send("q")
        _ = try tmux.waitFor { $0.contains("EXITED") }
    }
}

extension InvestCommandTests {
    @Test func aLineItemRenamedOnInvestIsFoundByItsNewNameAfterAPull() throws {
        let setup = try connected()
        try setup.invest.seed(["line_items": [["id": 74958, "name": "Autumn Clearance", "advertiser_id": 37236]]])
        #expect(try setup.run(["invest", "pull"]).status == 0)
        let found = try setup.run(["line-items", "search", "autumn", "--format", "json"]).stdout
        #expect(found.contains("74958"), "\(found)")
        #expect(!(try setup.run(["line-items", "search", "spring sale", "--format", "json"]).stdout.contains("74958")))
    }

    /// On a terminal the password is asked with echo off: what is typed never shows.
    @Test func onATerminalThePasswordIsAskedWithoutEcho() throws {
        let cli = try CLIRunner()
        let invest = try InvestStandIn(folder: cli.home)
        let tmux = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(cli.database) invest login --api \(invest.api) --username \(InvestStandIn.username)",
                                   environment: ["HOME": cli.home.path])
        _ = try tmux.waitFor { $0.contains("Invest password for ops@example.com:") }
        try tmux.type(InvestStandIn.password)
        try tmux.send("Enter")
        let done = try tmux.waitFor { $0.contains("EXITED") }
        #expect(done.contains("logged in to \(invest.api) as ops@example.com"), "\(done)")
        #expect(!done.contains(InvestStandIn.password), "the password was echoed:\n\(done)")
        #expect(done.contains("EXITED 0"))
    }
}
