import Foundation
import Testing
@testable import ClicktraxCore

@Suite struct InvestEnvelopeTests {
    /// RULES.md §2's example, as the API sends it.
    static let specExample = """
        {"response": {"status": "OK", "count": 2, "start_element": 0, "num_elements": 100,
          "clicktrackers": [
            {"id": 1425, "member_id": 958, "advertiser_id": 37236, "name": "Test Click Tracker",
             "code": null, "state": "active", "click_url": "https://test-landing-page.com",
             "last_modified": "2012-01-10 16:02:15",
             "publisher": {"id": 44449, "name": "November Publisher"},
             "line_item": {"id": 74957, "name": "Test Line Item"},
             "tag": null, "payment_rule": null, "some_future_field": [1, 2]}]}}
        """

    @Test func readsTheSpecExample() throws {
        let trackers = try InvestEnvelope.decode(Tracker.self, from: Data(Self.specExample.utf8), source: "page1.json")
        #expect(trackers.count == 1)
        let t = trackers[0]
        #expect(t.id == 1425 && t.memberId == 958 && t.advertiserId == 37236)
        #expect(t.name == "Test Click Tracker" && t.code == nil && t.state == .active)
        #expect(t.clickUrl == "https://test-landing-page.com" && t.lastModified == "2012-01-10 16:02:15")
        #expect(t.publisher == ObjectRef(id: 44449, name: "November Publisher"))
        #expect(t.lineItem == ObjectRef(id: 74957, name: "Test Line Item"))
        #expect(t.tag == nil && t.paymentRule == nil)
    }

    @Test func writesTheEnvelopeWithEveryFieldAndNulls() throws {
        let tracker = try InvestEnvelope.decode(Tracker.self, from: Data(Self.specExample.utf8), source: "x")[0]
        let data = try InvestEnvelope.encode([tracker])
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let response = json["response"] as! [String: Any]
        #expect(response["status"] as? String == "OK")
        #expect(response["count"] as? Int == 1)
        #expect(response["start_element"] as? Int == 0)
        #expect(response["num_elements"] as? Int == 1)
        let object = (response["clicktrackers"] as! [[String: Any]])[0]
        #expect(Set(object.keys) == [
            "id", "member_id", "advertiser_id", "name", "code", "state", "click_url", "last_modified",
            "publisher", "line_item", "tag", "payment_rule",
        ])
        #expect(object["code"] is NSNull && object["tag"] is NSNull)
        #expect(object["revision"] == nil, "revision is Clicktrax's own, not the API's")
        // And it reads back as it was.
        #expect(try InvestEnvelope.decode(Tracker.self, from: data, source: "x") == [tracker])
    }

    @Test func singleObjectsUseTheSingularKey() throws {
        let item = LineItem(id: 7, name: "Wonka", advertiserId: 1)
        let data = try InvestEnvelope.encode(single: item)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"line-item\""))
        #expect(try InvestEnvelope.decode(LineItem.self, from: data, source: "x") == [item])
    }

    @Test func everyKindUsesItsApiKeys() {
        #expect(ObjectKind.allCases.map(\.pluralKey) == ["advertisers", "line-items", "publishers", "placements", "payment-rules", "clicktrackers", "imptrackers"])
    }

    @Test func anErrorEnvelopeIsRejectedWithItsMessage() {
        let data = Data(#"{"response": {"error_id": "SYNTAX", "error": "Invalid JSON"}}"#.utf8)
        #expect(throws: ClicktraxError.badInput("p.json: the API answered an error: SYNTAX: Invalid JSON")) {
            try InvestEnvelope.decode(Tracker.self, from: data, source: "p.json")
        }
    }

    @Test func badDocumentsNameTheFileAndTheField() {
        func message(_ json: String) -> String {
            do {
                _ = try InvestEnvelope.decode(Tracker.self, from: Data(json.utf8), source: "f.json")
                return "accepted"
            } catch { return "\(error)" }
        }
        #expect(message("{\"response\": {\"clicktrackers\": [{\"id\": \"x\"}]}}") == "f.json: id: not a whole number (got “x”)")
        #expect(message("{\"response\": {\"clicktrackers\": [{\"id\": 1, \"name\": \"a\", \"line_item\": {\"id\": 1}}]}}")
            == "f.json: publisher: missing")
        #expect(message("{\"response\": {\"publishers\": []}}") == "f.json: no \"clicktrackers\" or \"clicktracker\" in the response")
        #expect(message("[1, 2").hasPrefix("f.json: not a JSON object"))
        #expect(message("{\"other\": 1}").hasPrefix("f.json: no \"response\" object"))
    }
}
