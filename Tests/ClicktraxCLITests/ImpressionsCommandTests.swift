import ClicktraxCore
import Foundation
import Testing

/// `clicktrax invest pull-impressions` and `clicktrax report --impressions` (issue 32, part 6):
/// Network Analytics' external impressions (imp_type 9) and clicks (10) by hour, line item,
/// publisher and placement, against the stand-in's report service.
@Suite struct ImpressionsCommandTests {
    let clicks = ClicksCommandTests()

    static let day = ClicksCommandTests.day

    /// Two impression rows and a click row on line item 74957 at publisher 44449 (one of them
    /// on placement 474412), an impression row on another line item, and a row of another type.
    func seedRows(_ invest: InvestStandIn, day: String) throws {
        try invest.control("impressions", ["rows": [
            ["hour": "\(day) 10:00:00", "line_item_id": 74957, "publisher_id": 44449, "placement_id": 0, "imp_type_id": 9, "count": 1000],
            ["hour": "\(day) 11:00:00", "line_item_id": 74957, "publisher_id": 44449, "placement_id": 474412, "imp_type_id": 9, "count": 3000],
            ["hour": "\(day) 11:00:00", "line_item_id": 74957, "publisher_id": 44449, "placement_id": 474412, "imp_type_id": 10, "count": 60],
            ["hour": "\(day) 12:00:00", "line_item_id": 74958, "publisher_id": 44449, "placement_id": 0, "imp_type_id": 9, "count": 500],
        ]])
    }

    @Test func pullImpressionsAsksNetworkAnalyticsAndTheReportShowsCTRWithItsCaveat() throws {
        let (cli, invest, environment) = try clicks.connected()
        let day = Self.day(-2)
        try seedRows(invest, day: day)
        let pulled = try cli.run(["invest", "pull-impressions", "--from", day, "--to", day], environment: environment)
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.contains("4,500 impressions, 60 clicks"), "\(pulled.stdout)")
        let post = try invest.log().first { $0["service"] as? String == "report" && $0["method"] as? String == "POST" }
        let report = (post?["body"] as? [String: Any])?["report"] as? [String: Any]
        #expect(report?["report_type"] as? String == "network_analytics")
        #expect(report?["columns"] as? [String] == ["hour", "line_item_id", "publisher_id", "placement_id", "imp_type_id",
                                                     "external_impression", "external_click"])
        #expect((report?["filters"] as? [[String: Any]])?.first?["imp_type_id"] as? [Int] == [9, 10])
        #expect(report?["start_date"] as? String == "\(day) 00:00:00" && report?["timezone"] as? String == "UTC")

        let table = try cli.run(["report", "--impressions"]).stdout
        #expect(table.contains("Test Line Item") && table.contains("[Demo Publisher] - Default"), "\(table)")
        #expect(table.contains("3,000") && table.contains("2.00%"), "60 clicks of 3,000 impressions: \(table)")
        #expect(table.contains("Total: 4,500 impressions, 60 clicks, CTR 1.33%"), "\(table)")
        #expect(table.contains("Note: Two impression trackers on the same line item, publisher and placement cannot be told apart"))

        let byLineItem = try cli.run(["report", "--impressions", "--by", "line-item", "--format", "csv"]).stdout
        let lines = byLineItem.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines == ["line_item_id,name,impressions,clicks,ctr", "74957,Test Line Item,4000,60,0.015000",
                          "74958,Spring Sale,500,0,0.000000"], "\(lines)")
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run(["report", "--impressions", "--by", "day", "--format", "json"]).stdout.utf8))
        let response = (json as? [String: Any])?["response"] as? [String: Any]
        #expect(response?["impressions"] as? Int == 4500 && response?["clicks"] as? Int == 60)
        #expect((response?["rows"] as? [[String: Any]])?.first?["day"] as? String == day)
        #expect((response?["note"] as? String)?.contains("no tracker id") == true)

        // Pulled again: the window's hours are replaced, not added to.
        #expect(try cli.run(["invest", "pull-impressions", "--from", day, "--to", day], environment: environment).status == 0)
        #expect(try cli.run(["report", "--impressions"]).stdout.contains("Total: 4,500 impressions, 60 clicks"))
    }

    @Test func whatNetworkAnalyticsCannotAnswerIsRefusedBeforeAnythingIsAsked() throws {
        let (cli, invest, environment) = try clicks.connected()
        let old = try cli.run(["invest", "pull-impressions", "--from", Self.day(-120)], environment: environment)
        #expect(old.status == 2 && old.stderr.contains("keeps hours for 100 days") && old.stderr.contains("nothing was requested"),
                "\(old.stderr)")
        #expect(try invest.log().allSatisfy { $0["service"] as? String != "report" }, "nothing requested")
        let byTracker = try cli.run(["report", "--impressions", "--by", "tracker"])
        #expect(byTracker.status != 0 && byTracker.stderr.contains("Network Analytics reports no tracker"), "\(byTracker.stderr)")
        let oneTracker = try cli.run(["report", "--impressions", "--tracker", "1425"])
        #expect(oneTracker.status != 0 && oneTracker.stderr.contains("no tracker id"), "\(oneTracker.stderr)")
        #expect(try cli.run(["report", "--impressions"]).stdout.contains("No impressions in this database"))

        try invest.control("report-mode", ["fail": true])
        let failed = try cli.run(["invest", "pull-impressions", "--from", Self.day(-1)], environment: environment)
        #expect(failed.status == 1 && failed.stderr.contains("could not make the impressions report"), "\(failed.stderr)")
    }

    @Test func theImpressionTrackersOfAMemberAreCountedBesideItsClicks() throws {
        let (cli, invest, environment) = try clicks.connected()
        try invest.seed(["imptrackers": [["id": 1425, "advertiser_id": 37236, "name": "Pixel", "publisher": ["id": 44449],
                                          "line_item": ["id": 74957]]]])
        try invest.control("impressions", ["generate": ["per_hour": 50, "seed": 3]])
        try invest.control("clicks", ["generate": ["per_hour": 2, "seed": 3]])
        let day = Self.day(-1)
        #expect(try cli.run(["invest", "pull-impressions", "--from", day, "--to", day], environment: environment).status == 0)
        let csv = try cli.run(["report", "--impressions", "--by", "line-item", "--format", "csv"]).stdout
        let row = csv.split(whereSeparator: \.isNewline).first { $0.hasPrefix("74957,") }.map { $0.split(separator: ",") } ?? []
        #expect(row.count == 5, "\(csv)")
        let impressions = Int(row.count == 5 ? row[2] : "") ?? 0
        let clicksCounted = Int(row.count == 5 ? row[3] : "") ?? 0
        #expect(impressions > 0 && clicksCounted > 0, "tracker 1425's line item has both: \(csv)")
    }
}
