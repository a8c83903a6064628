import ClicktraxCore
import Foundation
import Testing

/// Exactly once across processes (issue 28): two pushes at once, the UI's push beside a CLI
/// push, two full pulls at once, a pull between a cut push and the next one, an edit made
/// while a push runs, an object deleted on Invest mid-pull, a code clash, an id Invest never
/// gave.
@Suite struct SyncSideBySideTests {
    let commands = InvestCommandTests()

    @Test func twoPushesStartedTogetherCreateEachTrackerOnce() throws {
        let setup = try commands.connected()
        for name in ["No Code A", "No Code B", "No Code C"] { _ = try commands.createHere(setup, name: name) }
        // Invest is slow to answer a create, so the two pushes surely overlap.
        try setup.invest.fault(["kind": "delay", "seconds": 0.5, "method": "POST", "path": "clicktracker", "times": 10])
        let results = setup.cli.runConcurrently([["invest", "push"], ["invest", "push"]], environment: setup.environment)
        for result in results { #expect(result.status == 0, "\(result.stdout) \(result.stderr)") }
        #expect(results.contains { $0.stderr.contains("waiting up to 120 s for a push (clicktrax invest push)") },
                "the second one waited, naming the first: \(results.map(\.stderr))")
        for name in ["No Code A", "No Code B", "No Code C"] {
            #expect(try commands.trackersOnInvest(setup, named: name).count == 1, "\(name) once on Invest")
        }
        let status = try setup.run(["invest", "status"]).stdout
        #expect(status.contains("pending: 0") && status.contains("conflicting: 0"), "no deletes nobody made: \(status)")
    }

    @Test func aSecondSyncThatWillNotWaitSaysWhoHoldsTheDatabase() throws {
        let setup = try commands.connected()
        _ = try commands.createHere(setup, name: "Slow")
        try setup.invest.fault(["kind": "delay", "seconds": 3, "method": "POST", "path": "clicktracker"])
        var arguments = ["--database", setup.cli.database, "invest", "push"]
        let first = try commands.spawn(CLIRunner.binary.path, &arguments, environment: setup.cli.environment(setup.environment))
        defer { var status: Int32 = 0; waitpid(first, &status, 0) }
        for _ in 0..<200 where SyncLock.holder(ofDatabase: setup.cli.database) == nil { usleep(20_000) }
        let second = try setup.run(["invest", "pull", "--wait", "0"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("another sync is running on this database — a push (clicktrax invest push) (process \(first)"),
                "\(second.stderr)")
        #expect(try setup.run(["invest", "status"]).stdout.contains("sync running: a push (clicktrax invest push)"))
    }

    @Test func theUIsPushBesideACommandLinePushCreatesEachTrackerOnce() throws {
        let setup = try commands.connected()
        _ = try commands.createHere(setup, name: "Beside A")
        _ = try commands.createHere(setup, name: "Beside B")
        try setup.invest.fault(["kind": "delay", "seconds": 1, "method": "POST", "path": "clicktracker", "times": 10])
        let tmux = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(setup.cli.database)", width: 130, height: 30,
                                   environment: setup.environment.merging(["HOME": setup.cli.home.path]) { $1 })
        _ = try tmux.waitFor { $0.contains("3 of 3 shown") }
        try tmux.send("m")
        _ = try tmux.waitFor { $0.contains("Push to Invest") }
        try tmux.send("Up", "Enter")
        _ = try tmux.waitFor { $0.contains("Pushing to Invest") }
        let cli = try setup.run(["invest", "push"])
        #expect(cli.status == 0, "\(cli.stdout) \(cli.stderr)")
        _ = try tmux.waitFor(20) { $0.contains("pushed.") }
        for name in ["Beside A", "Beside B"] {
            #expect(try commands.trackersOnInvest(setup, named: name).count == 1, "\(name) once on Invest")
        }
        try tmux.send("Escape", "q")
        _ = try tmux.waitFor { $0.contains("EXITED") }
    }

    @Test(arguments: [false, true])
    func aPullBetweenACutPushAndTheNextAdoptsTheTrackerInsteadOfMakingASecond(withCode: Bool) throws {
        let setup = try commands.connected()
        let id = try commands.createHere(setup, name: "Cut Push", extra: withCode ? ["--code", "CUT-1"] : [])
        // Invest stores it; the answer is lost.
        try setup.invest.fault(["kind": "drop_after_commit", "method": "POST", "path": "clicktracker"])
        try setup.invest.fault(["kind": "drop_before_commit", "method": "GET", "path": "clicktracker", "times": 10])
        let cut = try setup.run(["invest", "push"])
        #expect(cut.stdout.contains("unknown"), "\(cut.stdout) \(cut.stderr)")
        try setup.invest.control("faults/clear")
        // A pull in between brings Invest's copy: adopted by the tracker made here.
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        let onInvest = try commands.trackersOnInvest(setup, named: "Cut Push")
        #expect(onInvest.count == 1)
        let investId = onInvest.first?["id"] as? Int ?? -1
        #expect(pulled.stdout.contains("tracker \(id) was stored on Invest by a push that was cut: it is now \(investId)"), "\(pulled.stdout)")
        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 0 && pushed.stdout.contains("nothing to push"), "\(pushed.stdout)")
        #expect(try commands.trackersOnInvest(setup, named: "Cut Push").count == 1, "never a second")
        #expect(try setup.run(["trackers", "list", "--format", "csv"]).stdout.components(separatedBy: "Cut Push").count == 2)
        #expect(try setup.run(["check"]).status == 0)
    }

    @Test func aPushSettlesAgainstATrackerAPullAlreadyBroughtIn() throws {
        let setup = try commands.connected()
        let id = try commands.createHere(setup, name: "Pulled Twice")
        try setup.invest.fault(["kind": "drop_after_commit", "method": "POST", "path": "clicktracker"])
        try setup.invest.fault(["kind": "drop_before_commit", "method": "GET", "path": "clicktracker", "times": 10])
        _ = try setup.run(["invest", "push"])
        try setup.invest.control("faults/clear")
        // The next push settles the cut one against everything Invest has: once, adopted.
        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 0, "\(pushed.stdout) \(pushed.stderr)")
        #expect(try commands.trackersOnInvest(setup, named: "Pulled Twice").count == 1)
        #expect(try setup.run(["trackers", "show", "\(id)"]).status != 0, "it carries Invest's id now")
    }

    @Test func anEditMadeWhileAPushRunsSurvivesAndGoesNext() throws {
        let setup = try commands.connected()
        #expect(try setup.run(["trackers", "update", "1425", "--name", "Sent by the push"]).status == 0)
        try setup.invest.fault(["kind": "delay", "seconds": 2, "method": "PUT", "path": "clicktracker"])
        var arguments = ["--database", setup.cli.database, "invest", "push"]
        let push = try commands.spawn(CLIRunner.binary.path, &arguments, environment: setup.cli.environment(setup.environment))
        for _ in 0..<200 where try !setup.invest.log().contains(where: { $0["method"] as? String == "PUT" }) { usleep(20_000) }
        // Edited while the PUT is out.
        let edited = try setup.run(["trackers", "update", "1425", "--landing-page-url", "https://example.com/edited-meanwhile"])
        #expect(edited.status == 0, "\(edited.stderr)")
        var status: Int32 = 0
        waitpid(push, &status, 0)
        let shown = try setup.run(["trackers", "show", "1425", "--format", "csv"]).stdout
        #expect(shown.contains("Sent by the push") && shown.contains("https://example.com/edited-meanwhile"), "the edit survives: \(shown)")
        #expect(try setup.run(["invest", "status"]).stdout.contains("update  1425"), "and is pending")
        #expect(try setup.run(["invest", "push"]).status == 0)
        let onInvest = try setup.invest.trackers().first { $0["id"] as? Int == 1425 }
        #expect(onInvest?["click_url"] as? String == "https://example.com/edited-meanwhile")
        #expect(onInvest?["name"] as? String == "Sent by the push")
    }

    @Test func twoFullPullsAtOnceLeaveWhatOneWouldLeave() throws {
        let cli = try CLIRunner()
        let invest = try InvestStandIn(folder: cli.home, arguments: ["--line-items", "3000", "--advertisers", "3", "--publishers", "2"])
        try invest.seedExample()
        let environment = ["CLICKTRAX_INVEST_PASSWORD": InvestStandIn.password]
        #expect(try cli.run(["invest", "login", "--api", invest.api, "--username", InvestStandIn.username], environment: environment).status == 0)
        #expect(try cli.run(["invest", "pull"], environment: environment).status == 0)
        let before = try cli.run(["line-items", "list", "--format", "csv"]).stdout
        try invest.fault(["kind": "delay", "seconds": 0.05, "path": "line-item", "times": 200])
        let results = cli.runConcurrently([["invest", "pull", "--full"], ["invest", "pull", "--full"]], environment: environment)
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        #expect(try cli.run(["line-items", "list", "--format", "csv"]).stdout == before, "nothing removed")
        #expect(try cli.run(["trackers", "list", "--format", "csv"]).stdout.contains("1425"))
        let status = try cli.run(["invest", "status"], environment: environment).stdout
        #expect(status.contains("conflicting: 0") && status.contains("pending: 0"), "\(status)")
    }

    @Test func aFullPullRemovesOnlyWhatInvestConfirmsGone() throws {
        let setup = try commands.connected()
        // 150 trackers on Invest: two pages.
        try setup.invest.seed(["clicktrackers": (0..<150).map { n in
            ["id": 6000 + n, "advertiser_id": 37236, "name": "Paged \(n)", "publisher": ["id": 44449], "line_item": ["id": 74957]] as [String: Any]
        }])
        #expect(try setup.run(["invest", "pull", "--full"]).status == 0)
        // Invest deletes a tracker of the first page just as the second page is asked for: the
        // second page shifts by one, and tracker 6100 (first of the second page) is in neither.
        try setup.invest.fault(["kind": "remove", "method": "GET", "path": "clicktracker", "query": ["advertiser_id": 37236, "start_element": 100],
                                "service": "clicktracker", "id": 6010])
        let pulled = try setup.run(["invest", "pull", "--full"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stderr.contains("asking Invest about 1 object(s) its lists did not hold"), "\(pulled.stderr)")
        var listed = try setup.run(["trackers", "list", "--format", "csv"]).stdout
        for n in [0, 9, 11, 99, 100, 101, 149] { #expect(listed.contains("Paged \(n),"), "live tracker \(n) kept: \(pulled.stdout)") }
        #expect(pulled.stdout.contains("0 removed"), "\(pulled.stdout)")
        // The next full pull sees the deleted one gone, and only it.
        let again = try setup.run(["invest", "pull", "--full"])
        #expect(again.stdout.contains("1 removed"), "\(again.stdout)")
        listed = try setup.run(["trackers", "list", "--format", "csv"]).stdout
        #expect(!listed.contains("Paged 10,") && listed.contains("Paged 100,"))
    }

    @Test func aPulledCodeClashIsAConflictNamingBothAndTheRestLands() throws {
        let setup = try commands.connected()
        let mine = try commands.createHere(setup, name: "Mine", extra: ["--code", "SHARED-1"])
        // Someone made a tracker on Invest with the same code meanwhile.
        try setup.invest.seed(["clicktrackers": [["id": 7001, "advertiser_id": 37236, "name": "Theirs", "code": "shared-1",
                                                  "publisher": ["id": 44449], "line_item": ["id": 74957]],
                                                 ["id": 7002, "advertiser_id": 37236, "name": "Unrelated",
                                                  "publisher": ["id": 44449], "line_item": ["id": 74957]]]])
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(!pulled.stderr.contains("UNIQUE"), "\(pulled.stderr)")
        #expect(pulled.stderr.contains("tracker 7001") && pulled.stderr.contains("held here by tracker \(mine)"), "\(pulled.stderr)")
        #expect(try setup.run(["trackers", "show", "7002"]).status == 0, "the rest lands")
        let status = try setup.run(["invest", "status"]).stdout
        #expect(status.contains("\(mine)") && status.contains("Invest's tracker 7001"), "\(status)")
        // Given another code here, Invest's comes in at the next pull.
        #expect(try setup.run(["trackers", "update", "\(mine)", "--code", "MINE-2"]).status == 0)
        #expect(try setup.run(["invest", "resolve", "\(mine)", "--keep-mine"]).status == 0)
        #expect(try setup.run(["invest", "pull", "--full"]).status == 0)
        #expect(try setup.run(["trackers", "show", "7001"]).status == 0)
    }

    @Test func anIdInvestNeverGaveIsRefusedInAConnectedDatabase() throws {
        let setup = try commands.connected()
        let created = try setup.run(["trackers", "create", "--id", "424242", "--name", "Own Id", "--line-item", "74957", "--publisher", "44449"])
        #expect(created.status == 2 && created.stderr.contains("Invest gives a new tracker its id"), "\(created.stderr)")
        let csv = setup.cli.home.appendingPathComponent("trackers.csv")
        try Data("id,name,line_item_id,publisher_id\n424243,From CSV,74957,44449\n".utf8).write(to: csv)
        let imported = try setup.run(["import", csv.path])
        #expect(imported.status == 2 && imported.stderr.contains("tracker 424243 is not one Invest has"), "\(imported.stderr)")
        // Without an id it is made, pending, and no tag of it is exported until it is pushed.
        try Data("name,line_item_id,publisher_id\nFrom CSV,74957,44449\n".utf8).write(to: csv)
        #expect(try setup.run(["import", csv.path]).status == 0)
        let pending = try #require(try setup.run(["trackers", "list", "--format", "csv"]).stdout.split(separator: "\r\n")
            .first { $0.contains("From CSV") }?.split(separator: ",").first)
        #expect(try setup.run(["export", String(pending)]).stderr.contains("not on Invest yet"))
    }
}
