import ClicktraxCore
import Foundation
import Testing

/// Impression trackers through `/imptracker` (issue 32, part 5): the click trackers' outbox,
/// exactly once, conflicts and resolve — against the stand-in, which numbers the two kinds apart
/// (an impression tracker and a click tracker may share an id) and answers a PUT's id as a string.
@Suite struct ImpTrackersInvestTests {
    let commands = InvestCommandTests()

    /// Connected, pulled, and Invest holding impression tracker 1425 — the click tracker's id too.
    func connected() throws -> InvestCommandTests.Setup {
        let setup = try commands.connected(pull: false)
        try setup.invest.seed(["imptrackers": [["id": 1425, "advertiser_id": 37236, "name": "Test Impression Tracker",
                                                "publisher": ["id": 44449], "line_item": ["id": 74957]]]])
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.contains("impression trackers: 1 new"), "\(pulled.stdout)")
        return setup
    }

    func impTrackers(_ setup: InvestCommandTests.Setup) throws -> [[String: Any]] {
        try setup.invest.control("state")["imptrackers"] as? [[String: Any]] ?? []
    }

    func onInvest(_ setup: InvestCommandTests.Setup, named name: String) throws -> [[String: Any]] {
        try impTrackers(setup).filter { $0["name"] as? String == name }
    }

    func calls(_ setup: InvestCommandTests.Setup, _ method: String) throws -> [[String: Any]] {
        try setup.invest.log().filter { $0["method"] as? String == method && $0["service"] as? String == "imptracker" }
    }

    func createHere(_ setup: InvestCommandTests.Setup, name: String) throws -> Int64 {
        let created = try setup.run(["imptrackers", "create", "--name", name, "--line-item", "74958", "--publisher", "44449"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.contains("pending: impression tracker"), "\(created.stderr)")
        let id = created.stdout.split(separator: " ").dropFirst(3).first.flatMap { Int64($0) } ?? 0
        #expect(InvestIDs.isProvisional(id), "\(created.stdout)")
        return id
    }

    @Test func aPullKeepsBothKindsApartThoughTheyShareAnId() throws {
        let setup = try connected()
        #expect(try setup.run(["trackers", "show", "1425"]).stdout.contains("Test Click Tracker"))
        #expect(try setup.run(["imptrackers", "show", "1425"]).stdout.contains("Test Impression Tracker"))
        let exported = try setup.run(["imptrackers", "export", "1425", "--type", "pixel"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("https://ib.adnxs.com/imptr?id=1425&"), "\(exported.stdout)")
        #expect(try setup.run(["invest", "status"]).stdout.contains("pending: 0"))
        #expect(try setup.run(["check"]).status == 0)
    }

    @Test func anImpressionTrackerMadeHereIsCreatedOnInvestWithoutALandingPage() throws {
        let setup = try connected()
        let id = try createHere(setup, name: "Made Here")
        let refused = try setup.run(["imptrackers", "export", "\(id)"])
        #expect(refused.status == 2 && refused.stderr.contains("not on Invest yet"), "\(refused.stderr)")
        let status = try setup.run(["invest", "status"]).stdout
        #expect(status.contains("create  impression tracker \(id)  Made Here"), "\(status)")
        #expect(try setup.run(["invest", "push", "--dry-run"]).stdout.contains("would create impression tracker \(id) “Made Here”"))

        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 0, "\(pushed.stdout) \(pushed.stderr)")
        let made = try onInvest(setup, named: "Made Here")
        #expect(made.count == 1)
        let investId = made.first?["id"] as? Int ?? -1
        #expect(pushed.stdout.contains("pushed   create impression tracker \(id) “Made Here” → Invest id \(investId)"), "\(pushed.stdout)")
        let post = try calls(setup, "POST").first
        #expect((post?["path"] as? String)?.contains("advertiser_id=37236") == true)
        let body = (post?["body"] as? [String: Any])?["imptracker"] as? [String: Any]
        #expect(body?["name"] as? String == "Made Here" && body?["click_url"] == nil, "\(String(describing: body))")
        #expect(try setup.invest.trackers().count == 1, "no click tracker made")
        let exported = try setup.run(["imptrackers", "export", "\(investId)"])
        #expect(exported.status == 0 && exported.stdout.contains("imptr?id=\(investId)&"), "\(exported.stderr)")
        #expect(try setup.run(["imptrackers", "history", "\(investId)"]).stdout.contains("created"))
        #expect(try setup.run(["invest", "status"]).stdout.contains("pending: 0"))
    }

    @Test func anEditSendsOnlyWhatChangedAndADeleteDeletes() throws {
        let setup = try connected()
        #expect(try setup.run(["imptrackers", "update", "1425", "--name", "Renamed Here"]).status == 0)
        #expect(try setup.run(["imptrackers", "deactivate", "1425"]).status == 0)
        #expect(try setup.run(["invest", "push", "--dry-run"]).stdout.contains("would update impression tracker 1425 “Renamed Here”: name, state"))
        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 0, "\(pushed.stdout) \(pushed.stderr)")
        let put = try calls(setup, "PUT").first
        let body = (put?["body"] as? [String: Any])?["imptracker"] as? [String: Any]
        #expect(Set(body?.keys.map { $0 } ?? []) == ["name", "state"])
        // The PUT answered "id" as a string: the tracker keeps its id and is not pending.
        #expect(try setup.run(["imptrackers", "show", "1425"]).stdout.contains("Renamed Here"))
        #expect(try setup.run(["invest", "status"]).stdout.contains("pending: 0"))
        // The click tracker of the same id was never touched.
        #expect(try setup.invest.trackers().first?["name"] as? String == "Test Click Tracker")

        #expect(try setup.run(["imptrackers", "delete", "1425"]).status == 0)
        #expect(try setup.run(["invest", "status"]).stdout.contains("delete  impression tracker 1425"))
        #expect(try setup.run(["invest", "push"]).status == 0)
        #expect(try impTrackers(setup).isEmpty)
        #expect(try setup.invest.trackers().count == 1)
    }

    @Test func theAnswerLostAfterInvestStoredItStillCreatesItOnce() throws {
        let setup = try connected()
        _ = try createHere(setup, name: "Answer Lost")
        try setup.invest.fault(["kind": "drop_after_commit", "method": "POST", "path": "imptracker"])
        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 0, "\(pushed.stdout) \(pushed.stderr)")
        #expect(try onInvest(setup, named: "Answer Lost").count == 1)
        #expect(try calls(setup, "POST").count == 1)
        #expect(try setup.run(["invest", "push"]).stdout.contains("nothing to push"))
        #expect(try onInvest(setup, named: "Answer Lost").count == 1)
    }

    @Test func twoPushesAtOnceCreateEachImpressionTrackerOnce() throws {
        let setup = try connected()
        for name in ["Side A", "Side B"] { _ = try createHere(setup, name: name) }
        try setup.invest.fault(["kind": "delay", "seconds": 0.5, "method": "POST", "path": "imptracker", "times": 10])
        let results = setup.cli.runConcurrently([["invest", "push"], ["invest", "push"]], environment: setup.environment)
        for result in results { #expect(result.status == 0, "\(result.stdout) \(result.stderr)") }
        for name in ["Side A", "Side B"] { #expect(try onInvest(setup, named: name).count == 1, "\(name) once on Invest") }
        #expect(try setup.run(["invest", "status"]).stdout.contains("pending: 0"))
    }

    @Test func anEditOverAChangeOnInvestConflictsAndResolveSettlesIt() throws {
        let setup = try connected()
        #expect(try setup.run(["imptrackers", "update", "1425", "--name", "Mine"]).status == 0)
        try setup.invest.control("modify-tracker", ["service": "imptracker", "id": 1425, "fields": ["name": "Theirs"]])
        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 1)
        #expect(pushed.stdout.contains("conflict update impression tracker 1425") && pushed.stdout.contains("invest resolve --imp"),
                "\(pushed.stdout)")
        #expect(try impTrackers(setup).first?["name"] as? String == "Theirs")
        let json = try JSONSerialization.jsonObject(with: Data(try setup.run(["invest", "status", "--format", "json"]).stdout.utf8))
        let conflict = ((json as? [String: Any])?["conflicts"] as? [[String: Any]])?.first
        #expect(conflict?["kind"] as? String == "imptracker" && conflict?["id"] as? Int == 1425)
        // Without --imp the id names the click tracker, which is not conflicting.
        #expect(try setup.run(["invest", "resolve", "1425", "--keep-mine"]).stderr.contains("tracker 1425 is not conflicting"))
        #expect(try setup.run(["invest", "resolve", "--imp", "1425", "--keep-mine"]).status == 0)
        #expect(try setup.run(["invest", "push", "--imp"]).status == 0)
        #expect(try impTrackers(setup).first?["name"] as? String == "Mine")
    }

    @Test func aPullNeverOverwritesAPendingChangeAndKeepTheirsTakesInvestsBack() throws {
        let setup = try connected()
        #expect(try setup.run(["imptrackers", "update", "1425", "--name", "Mine"]).status == 0)
        try setup.invest.control("modify-tracker", ["service": "imptracker", "id": 1425, "fields": ["name": "Theirs"]])
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.stdout.contains("conflicting impression trackers (changed here and on Invest; both kept): 1425"), "\(pulled.stdout)")
        #expect(try setup.run(["imptrackers", "show", "1425"]).stdout.contains("Mine"))
        #expect(try setup.run(["invest", "resolve", "--imp", "1425", "--keep-theirs"]).status == 0)
        #expect(try setup.run(["imptrackers", "show", "1425"]).stdout.contains("Theirs"))
        #expect(try setup.run(["invest", "status"]).stdout.contains("conflicting: 0"))
        #expect(try setup.run(["check"]).status == 0)
    }

    @Test func aRefusedCreateIsNamedAndKeepTheirsRemovesItOnceAgreed() throws {
        let setup = try connected()
        let id = try createHere(setup, name: "REFUSE this one")
        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 1 && pushed.stdout.contains("refused  create impression tracker \(id)"), "\(pushed.stdout)")
        #expect(try setup.run(["invest", "status"]).stdout.contains("(refused by Invest: tracker name refused"))
        let resolved = try setup.run(["invest", "resolve", "--imp", "\(id)", "--keep-theirs", "--yes"])
        #expect(resolved.status == 0 && resolved.stdout.contains("impression tracker \(id)"), "\(resolved.stdout) \(resolved.stderr)")
        #expect(try setup.run(["imptrackers", "show", "\(id)"]).status == 2)
        #expect(try setup.run(["invest", "status"]).stdout.contains("pending: 0"))
    }

    @Test func aFullPullRemovesAnImpressionTrackerInvestDeleted() throws {
        let setup = try connected()
        try setup.invest.control("remove", ["service": "imptracker", "id": 1425])
        let pulled = try setup.run(["invest", "pull", "--full"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.contains("impression trackers: 0 new, 0 updated, 1 removed"), "\(pulled.stdout)")
        #expect(try setup.run(["imptrackers", "show", "1425"]).status == 2)
        #expect(try setup.run(["trackers", "show", "1425"]).status == 0, "the click tracker of the same id stays")
    }
}
