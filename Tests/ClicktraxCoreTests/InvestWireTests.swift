@testable import ClicktraxCore
import Foundation
import Testing

/// The wire rules of the Invest client that need no server: URLs, answers, ids.
@Suite struct InvestWireTests {
    @Test(arguments: ["http://127.0.0.1:8080", "http://localhost", "http://[::1]:9000", "https://api.appnexus.com", "https://api.appnexus.com/"])
    func httpsEverywhereAndHttpOnlyToThisMachine(url: String) throws {
        #expect(throws: Never.self) { try InvestEndpoint(url) }
    }

    @Test(arguments: ["http://api.appnexus.com", "http://127.0.0.1.example.com", "http://10.0.0.1", "ftp://127.0.0.1", "api.appnexus.com",
                      "https://api.appnexus.com/?x=1", "javascript:alert(1)"])
    func anythingElseIsRefusedNamingTheSetting(url: String) {
        #expect(throws: InvestError.self) { try InvestEndpoint(url) }
    }

    @Test func minLastModifiedIsWrittenAsTheDocsShowIt() throws {
        let endpoint = try InvestEndpoint("https://api.appnexus.com")
        let url = endpoint.url("line-item", [("advertiser_id", "5"), ("min_last_modified", "2024-05-01 13:00:00"), ("id", "1,2,3")])
        #expect(url.absoluteString == "https://api.appnexus.com/line-item?advertiser_id=5&min_last_modified=2024-05-01+13:00:00&id=1,2,3")
        #expect(InvestEndpoint.encode("a+b&c=é") == "a%2Bb%26c%3D%C3%A9")
    }

    @Test func anErrorIsDecidedOnTheBodyWhateverTheStatus() {
        let body = Data(#"{"response": {"error_id": "NOAUTH", "error": "Authentication failed - not logged in", "dbg_info": {}}}"#.utf8)
        guard case .error(let id, let message, _) = InvestAnswer.read(body, status: 200) else {
            Issue.record("an error envelope with HTTP 200 is an error")
            return
        }
        #expect(id == "NOAUTH")
        #expect(message == "Authentication failed - not logged in")
    }

    @Test func idsComeAsNumbersOrStrings() {
        let put = Data(#"{"response": {"status": "OK", "id": "1425", "count": 1}}"#.utf8)
        guard case .ok(let answer) = InvestAnswer.read(put, status: 200) else { Issue.record("ok"); return }
        #expect(answer.integer("id") == 1425)
        #expect(InvestAnswer.integer(1425) == 1425)
        #expect(InvestAnswer.integer(true) == nil)
        #expect(InvestAnswer.integer("14.5") == nil)
    }

    @Test func aCutOffOrNonJSONAnswerSaysWhichItWas() {
        guard case .unreadable(let cut) = InvestAnswer.read(Data(#"{"response": {"status": "O"#.utf8), status: 200),
              case .unreadable(let html) = InvestAnswer.read(Data("<html>502 Bad Gateway</html>".utf8), status: 502)
        else { Issue.record("both unreadable"); return }
        #expect(cut.hasPrefix("JSON cut off or malformed"))
        #expect(html.hasPrefix("not JSON (HTTP 502"))
    }

    @Test func controlCharactersFromTheNetworkNeverReachTheTerminal() {
        let body = Data(#"{"response": {"error_id": "SYNTAX", "error": "bad\u001b[2Jname"}}"#.utf8)
        guard case .error(_, let message, _) = InvestAnswer.read(body, status: 200) else { Issue.record("error"); return }
        #expect(!message.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func aListPageTakesThePluralOrTheSingularKeyAndNullPaging() throws {
        let plural = Data(#"{"response": {"status": "OK", "count": 4, "start_element": null, "num_elements": null, "payment-rules": [{"id": 1, "name": "A"}]}}"#.utf8)
        let page = try InvestListPage<PaymentRule>.decode(plural, list: "payment-rule")
        #expect(page.count == 4 && page.objects.map(\.id) == [1])
        let single = Data(#"{"response": {"status": "OK", "count": "1", "line-item": {"id": 7, "name": "B"}}}"#.utf8)
        let one = try InvestListPage<LineItem>.decode(single, list: "line-item")
        #expect(one.count == 1 && one.objects.map(\.id) == [7])
    }

    @Test func objectIdsMayBeNumericStrings() throws {
        let body = Data(#"{"response": {"status": "OK", "id": "1425", "clicktracker": {"id": "1425", "advertiser_id": "37236", "name": "T", "line_item": {"id": "74957", "name": "L"}, "publisher": {"id": 44449}, "tag": null, "payment_rule": null}}}"#.utf8)
        let page = try InvestListPage<Tracker>.decode(body, list: "clicktracker")
        let tracker = try #require(page.objects.first)
        #expect(tracker.id == 1425 && tracker.advertiserId == 37236 && tracker.lineItem.id == 74957 && tracker.publisher.id == 44449)
        // No usable id: not kept, and named (RULES.md §10: the rest of a page goes on).
        let bad = Data(#"{"response": {"clicktracker": {"id": "x1", "name": "T", "line_item": {"id": 1}, "publisher": {"id": 2}}}}"#.utf8)
        let skipped = try InvestListPage<Tracker>.decode(bad, list: "clicktracker")
        #expect(skipped.objects.isEmpty)
        #expect(skipped.reading.skipped.map(\.description) == ["tracker x1: id: not a whole number (got “x1”)"])
    }

    @Test func aPushSendsOnlyWhatChanged() {
        let base = Tracker(id: 1, advertiserId: 2, name: "A", lineItem: ObjectRef(id: 3, name: ""), publisher: ObjectRef(id: 4, name: ""),
                                tag: ObjectRef(id: 5, name: ""), lastModified: "2024-01-01 00:00:00")
        var mine = base
        mine.name = "B"
        mine.tag = nil
        let fields = InvestPush.changedFields(from: base, to: mine)
        #expect(Set(fields.keys) == ["name", "tag"])
        #expect(fields["tag"] is NSNull)
    }

    @Test func aPullSummaryListsTheCatalogKindsInOrder() {
        var summary = PullSummary()
        summary.changed = ["placements": 3, "line items": 1_000_000]
        #expect(summary.changedCatalog == "1,000,000 line items, 3 placements")
        #expect(summary.removedCatalog == nil)
    }

    @Test func provisionalIdsAreFarFromInvestsOwn() {
        #expect(!InvestIDs.isProvisional(2_147_483_647))
        #expect(InvestIDs.isProvisional(InvestIDs.provisionalBase + 1))
    }
}
