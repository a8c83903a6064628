import ClicktraxCore
import Foundation
import Testing

/// What an operator meets using the Invest connection (issue 27): a refused push that is not a
/// dead end, a login that tells the truth, Invest's ids in the history, the member's tracker
/// switch said before anything is sent, and a click feed that never stores a click outside the
/// window asked.
@Suite struct InvestInUseTests {
    let commands = InvestCommandTests()

    @Test func aChangeInvestRefusesCanBeTakenBackAndANeverPushedTrackerRemovedAfterAsking() throws {
        let setup = try commands.connected()
        // An edit Invest refuses stays pending, with Invest's message…
        #expect(try setup.run(["trackers", "update", "1425", "--name", "Renamed here"]).status == 0)
        try setup.invest.fault(["kind": "error", "method": "PUT", "path": "clicktracker", "error_id": "SYNTAX",
                                "error": "name is already used by another tracker of this line item"])
        let refused = try setup.run(["invest", "push"])
        #expect(refused.status == 1 && refused.stdout.contains("refused  update 1425"), "\(refused.stdout)")
        let status = try setup.run(["invest", "status"]).stdout
        #expect(status.contains("refused by Invest: name is already used by another tracker of this line item"), "\(status)")
        // …and is taken back: Invest's copy restored, nothing pending.
        let back = try setup.run(["invest", "resolve", "1425", "--keep-theirs"])
        #expect(back.status == 0 && back.stdout.contains("Invest's copy restored"), "\(back.stdout) \(back.stderr)")
        #expect(try setup.run(["trackers", "show", "1425", "--format", "csv"]).stdout.contains("Test Click Tracker"))
        #expect(try setup.run(["invest", "status"]).stdout.contains("pending: 0"))

        // A delete made here, taken back: the tracker is here again.
        #expect(try setup.run(["trackers", "delete", "1425"]).status == 0)
        #expect(try setup.run(["invest", "resolve", "1425", "--keep-theirs"]).status == 0)
        #expect(try setup.run(["trackers", "show", "1425"]).status == 0)

        // A tracker made here that Invest refuses has no copy on Invest: removing it is asked for.
        let id = try commands.createHere(setup, name: "Refused on create")
        try setup.invest.fault(["kind": "error", "method": "POST", "path": "clicktracker", "error_id": "SYNTAX", "error": "line item is archived"])
        #expect(try setup.run(["invest", "push"]).status == 1)
        let asked = try setup.run(["invest", "resolve", "\(id)", "--keep-theirs"])
        #expect(asked.status == 2 && asked.stderr.contains("never pushed") && asked.stderr.contains("--yes"), "\(asked.stderr)")
        #expect(try setup.run(["trackers", "show", "\(id)"]).status == 0, "not removed without agreement")
        let removed = try setup.run(["invest", "resolve", "\(id)", "--keep-theirs", "--yes"])
        #expect(removed.status == 0 && removed.stdout.contains("removed here"), "\(removed.stdout) \(removed.stderr)")
        #expect(try setup.run(["trackers", "show", "\(id)"]).status != 0)
        #expect(try setup.run(["invest", "status"]).stdout.contains("pending: 0"))
        // Nothing waiting: said so.
        let nothing = try setup.run(["invest", "resolve", "1425", "--keep-theirs"])
        #expect(nothing.status == 2 && nothing.stderr.contains("no change waiting for Invest"), "\(nothing.stderr)")
    }

    @Test func aForgottenTokenLogsInAgainOnlyWithAPasswordSourceAndStatusChecksIt() throws {
        let setup = try commands.connected()
        #expect(try setup.run(["invest", "status"]).stdout.contains("token: valid (checked with Invest just now)"))
        try setup.invest.control("expire-tokens")
        // `invest status` asks, never logs in.
        let logins = try setup.invest.logins()
        let status = try setup.cli.run(["invest", "status"])
        #expect(status.stdout.contains("token: no longer valid (Invest ended the session): run clicktrax invest login"), "\(status.stdout)")
        #expect(try setup.invest.logins() == logins)
        // Without a password source: one line saying to log in; never "logged in again".
        let without = try setup.cli.run(["invest", "pull"])
        #expect(without.status == 1, "\(without.stderr)")
        #expect(without.stderr.contains("run clicktrax invest login") && !without.stderr.contains("logged in again"), "\(without.stderr)")
        #expect(try setup.invest.logins() == logins)
        // With one: logged in again once, said once, and the pull goes through.
        let with = try setup.run(["invest", "pull"])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stderr.components(separatedBy: "logged in again").count == 2, "\(with.stderr)")
        #expect(try setup.invest.logins() == logins + 1)
        #expect(try setup.run(["invest", "status"]).stdout.contains("token: valid"))
        #expect(try setup.run(["invest", "status", "--no-check"]).stdout.contains("token: kept (not checked)"))
    }

    @Test func afterAPushHistorySpeaksInvestsId() throws {
        let setup = try commands.connected()
        let id = try commands.createHere(setup, name: "Made Here")
        #expect(try setup.run(["trackers", "update", "\(id)", "--name", "Made Here 2"]).status == 0)
        #expect(try setup.run(["invest", "push"]).status == 0)
        let investId = try #require(try commands.trackersOnInvest(setup, named: "Made Here 2").first?["id"] as? Int)
        let history = try setup.run(["trackers", "history", "\(investId)"]).stdout
        #expect(history.contains("created") && history.contains("updated"), "\(history)")
        #expect(!history.contains("\(id)"), "no provisional id left: \(history)")
        let all = try setup.run(["trackers", "history"]).stdout
        #expect(!all.contains("\(id)"), "\(all)")
    }

    @Test func withTrackersSwitchedOffForTheMemberAPushSaysSoOnceAndSendsNothing() throws {
        let setup = try commands.connected()
        _ = try commands.createHere(setup, name: "First")
        _ = try commands.createHere(setup, name: "Second")
        try setup.invest.control("member", ["enable_click_and_imp_trackers": false])
        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 1)
        #expect(pushed.stderr.contains("enable_click_and_imp_trackers off") && pushed.stderr.split(separator: "\n").count <= 2, "\(pushed.stderr)")
        #expect(try setup.invest.log().allSatisfy { $0["method"] as? String != "POST" || $0["service"] as? String == "auth" })
        // Where /member cannot be read, the push goes on and Invest decides.
        try setup.invest.control("member", ["enable_click_and_imp_trackers": true])
        try setup.invest.fault(["kind": "status", "path": "member", "status": 404, "body": "not here", "times": 5])
        #expect(try setup.run(["invest", "push"]).status == 0)
        #expect(try commands.trackersOnInvest(setup, named: "First").count == 1)
    }

    @Test func clicksOutsideTheWindowAskedOrInTheFutureAreRefusedWithACount() throws {
        let setup = try commands.connected()
        let now = Int64(Date().timeIntervalSince1970)
        let yesterday = ClickTime.startOfHour(now) - ClickTime.day
        func row(_ at: Int64, _ auction: Int) -> [String: Any] {
            ["datetime": ClickTime.format(at), "auction_id": auction, "tracker_id": 1425, "line_item_id": 74957, "publisher_id": 44449,
             "tag_id": 0, "media_buy_cost": "0.10"]
        }
        // The stand-in serves the rows of its window only; a feed that does not, sends these too.
        try setup.invest.control("clicks", ["rows": [row(yesterday + 60, 1), row(yesterday + 120, 2)]])
        try setup.invest.control("quirks", ["feed_rows_outside_window": [row(yesterday - 3600, 3), row(now + 7200, 4)]])
        let hour = ClickTime.formatHour(yesterday).replacingOccurrences(of: " ", with: "T").prefix(13)
        let pulled = try setup.run(["invest", "pull-clicks", "--from", String(hour), "--to", String(hour)])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stderr.contains("2 rows dated in the future or outside the window asked for: refused, not stored"), "\(pulled.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(try setup.run(["report", "--format", "json"]).stdout.utf8)) as? [String: Any]
        let clicks = ((report?["response"] as? [String: Any])?["report"] as? [String: Any])?["clicks"] as? Int
        #expect(clicks == 2, "only the two clicks of the window asked are stored: \(String(describing: report))")
    }
}
