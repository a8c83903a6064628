import Testing
@testable import ClicktraxCore

/// Landing page URLs: no user part, real ports, real host labels; hosts stored in their DNS
/// form (look-alike letters show as `xn--`); link text without bidi tricks, bounded, not empty.
@Suite struct URLRulesTests {
    @Test(arguments: [
        ("https://www.bank.example@evil.example/", "user name or password"),
        ("https://user:secret@x.example/", "user name or password"),
        ("https://x.example:0/", "invalid port"),
        ("https://x.example:65536/", "invalid port"),
        ("https://x.example:8o/", "invalid port"),
        ("https://x.example:/", "invalid port"),
        ("https://x..example/", "empty label"),
        ("https://.example/", "empty label"),
        ("https://example./", "empty label"),
        ("https://example\u{3002}com/", "only “.” separates"),
        ("https://exa$mple.com/", "not letters, digits"),
        ("https://-x.example/", "not letters, digits"),
    ])
    func aBadAuthorityIsRefused(url: String, told: String) {
        let problem = LandingPageURL.problem(url)
        #expect(problem?.contains(told) == true, "\(url): \(problem ?? "accepted")")
    }

    @Test(arguments: ["https://x.example:8443/a", "http://[2001:db8::1]:8080/", "https://www.wonka.example/store?q=a@b", "https://münchen.example/"])
    func aGoodURLIsAccepted(url: String) {
        #expect(LandingPageURL.problem(url) == nil, "\(url): \(LandingPageURL.problem(url) ?? "")")
    }

    @Test func hostsAreStoredInTheirDNSForm() {
        #expect(LandingPageURL.normalized("HTTPS://MÜNCHEN.Example:8443/Pfad?q=Ä#x") == "https://xn--mnchen-3ya.example:8443/Pfad?q=Ä#x")
        #expect(LandingPageURL.normalized("https://bücher.de") == "https://xn--bcher-kva.de")
        #expect(LandingPageURL.normalized("https://p\u{0430}ypal.com/login") == "https://xn--pypal-4ve.com/login", "a Cyrillic а shows as what it is")
        #expect(LandingPageURL.normalized("https://www.wonka.example/a?b=c") == "https://www.wonka.example/a?b=c")
        #expect(Punycode.encode("例え") == "r8jz45g")
    }

    @Test func linkTextIsCheckedBeforeAnExport() {
        let tracker = Tracker(id: 1, name: "x", clickUrl: "https://x.example/", lineItem: ObjectRef(id: 1, name: ""),
                                   publisher: ObjectRef(id: 1, name: ""), lastModified: "")
        func findings(_ text: String) -> [LintFinding] {
            TagLint.check([tracker], options: TagOptions(type: .link, linkText: text)).filter { $0.message.contains("link text") }
        }
        #expect(findings("Shop \u{202E}won").first?.severity == .error)
        #expect(findings(String(repeating: "a", count: 201)).first?.severity == .error)
        #expect(findings("").first?.severity == .warning)
        #expect(findings("  ").first?.severity == .warning)
        #expect(findings("Shop now – Zürich 東京").isEmpty)
    }
}
