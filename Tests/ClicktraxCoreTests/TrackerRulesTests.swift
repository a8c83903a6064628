import Testing
@testable import ClicktraxCore

@Suite struct TrackerRulesTests {
    let valid = TrackerDraft(name: "Homepage clicks", lineItemId: 1, publisherId: 2)

    @Test func aValidDraftHasNoIssues() {
        #expect(TrackerRules.check(valid).isEmpty)
    }

    @Test func nameIsRequiredAfterTrimming() {
        for name in ["", "   ", "\t\n"] {
            var draft = valid
            draft.name = name
            #expect(TrackerRules.check(draft).map(\.field) == [.name], "name \(name.debugDescription)")
        }
    }

    @Test func nameIsAtMost255Characters() {
        var draft = valid
        draft.name = String(repeating: "é", count: 255)
        #expect(TrackerRules.check(draft).isEmpty)
        draft.name = String(repeating: "é", count: 256)
        let issues = TrackerRules.check(draft)
        #expect(issues.map(\.field) == [.name])
        #expect(issues.first?.message.contains("got 256") == true)
    }

    @Test func nameRejectsControlCharacters() {
        for bad in ["a\u{1B}[2Jb", "a\u{07}", "a\u{85}b", "line\u{2028}break", "a\u{7F}"] {
            var draft = valid
            draft.name = bad
            #expect(TrackerRules.check(draft).map(\.field) == [.name], "name \(bad.debugDescription)")
        }
        var draft = valid
        draft.name = "東京ラーメン – Café 🍜"
        #expect(TrackerRules.check(draft).isEmpty)
    }

    @Test func codeCharsetAndLength() {
        #expect(TrackerRules.codeProblem("CT-1_a.b") == nil)
        #expect(TrackerRules.codeProblem(String(repeating: "a", count: 100)) == nil)
        #expect(TrackerRules.codeProblem(String(repeating: "a", count: 101))?.contains("at most 100") == true)
        for bad in ["a b", "a/b", "é", "a\"b", "<x>"] {
            #expect(TrackerRules.codeProblem(bad) != nil, "code \(bad)")
        }
        #expect(TrackerRules.normalizedCode("  ") == nil)
    }

    @Test func lineItemAndPublisherAreRequired() {
        let issues = TrackerRules.check(TrackerDraft(name: "x"))
        #expect(issues.map(\.field) == [.lineItem, .publisher])
    }

    @Test func changingThePublisherClearsPlacementAndPaymentRule() {
        var draft = valid
        draft.placementId = 5
        draft.paymentRuleId = 6
        #expect(draft.changePublisher(to: 2) == [])
        #expect(draft.placementId == 5)
        #expect(draft.changePublisher(to: 3) == [.placement, .paymentRule])
        #expect(draft.placementId == nil && draft.paymentRuleId == nil && draft.publisherId == 3)
    }
}

@Suite struct LandingPageURLTests {
    @Test(arguments: [
        "https://example.com", "http://example.com/path?q=1&r=2#frag", "HTTPS://EXAMPLE.COM/",
        "https://例え.jp/ページ", "https://example.com:8443/x", "https://[::1]:8080/",
        "https://example.com/a|b{c}^d'e",
    ])
    func accepts(_ url: String) {
        #expect(LandingPageURL.problem(url) == nil)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "//example.com/x", "/relative",
        "example.com", "ftp://example.com", " https://example.com", "https://example.com ", "java\tscript:alert(1)",
        "https:/example.com", "https://", "https:///path", "https://exa mple.com", "https://example.com/\"onmouseover=x",
        "https://example.com/<script>", "https://example.com/\u{202E}gpj.exe", "https://exa\u{200B}mple.com",
        "https://example.com/\n", "vbscript:msgbox", "", "https://user@example.com:8443/x",
    ])
    func rejects(_ url: String) {
        #expect(LandingPageURL.problem(url) != nil, "\(url.debugDescription) must be refused")
    }

    @Test func lengthLimitIs1000() {
        let base = "https://example.com/"
        #expect(LandingPageURL.isValid(base + String(repeating: "a", count: 1000 - base.count)))
        #expect(LandingPageURL.problem(base + String(repeating: "a", count: 1001 - base.count))?.contains("at most 1000") == true)
    }
}
