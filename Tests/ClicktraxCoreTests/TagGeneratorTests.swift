import Testing
@testable import ClicktraxCore

@Suite struct TagGeneratorTests {
    static let clikTrax = Tracker(
        id: 21378, name: "CLIK TRAX", clickUrl: "https://wonka.example/",
        lineItem: ObjectRef(id: 1, name: "LI"), publisher: ObjectRef(id: 2, name: "P"), lastModified: "2026-01-01 00:00:00")

    static func allMacros(_ type: ExportType, secure: Bool, escape: Bool = false) -> TagOptions {
        var options = TagOptions(type: type, secure: secure, escapeAmpersands: escape)
        TrackerMacro.allCases.forEach { options.use($0) }
        return options
    }

    /// Invest's documented output, byte for byte (RULES.md §3).
    @Test func theInvestExampleByteForByte() {
        let tags = TagGenerator(options: Self.allMacros(.link, secure: false)).export([Self.clikTrax])
        #expect(tags == """
            <!-- Click Tracker - CLIK TRAX -->
            <a href="http://ib.adnxs.com/clktrb?id=21378&cachebuster=[CACHEBUSTER]&ancost=[ANCOST]&redir=[REDIRECT_URL]">YOUR TEXT HERE</a>
            <!-- End of Click Tracker -->

            """)
    }

    static let base = "ib.adnxs.com/clktrb?id=21378&cachebuster=[CACHEBUSTER]&ancost=[ANCOST]"
    static let escapedBase = "ib.adnxs.com/clktrb?id=21378&amp;cachebuster=[CACHEBUSTER]&amp;ancost=[ANCOST]"

    @Test(arguments: [
        (ExportType.javascript, true, false,
         "<script src=\"https://\(base)&t=1&redir=[REDIRECT_URL]\" type=\"text/javascript\"></script>"),
        (.javascript, false, false, "<script src=\"http://\(base)&t=1&redir=[REDIRECT_URL]\" type=\"text/javascript\"></script>"),
        (.javascript, true, true,
         "<script src=\"https://\(escapedBase)&amp;t=1&amp;redir=[REDIRECT_URL]\" type=\"text/javascript\"></script>"),
        (.javascript, false, true,
         "<script src=\"http://\(escapedBase)&amp;t=1&amp;redir=[REDIRECT_URL]\" type=\"text/javascript\"></script>"),
        (.pixel, true, false, "<img src=\"https://\(base)&t=2&redir=[REDIRECT_URL]\" width=\"1\" height=\"1\" />"),
        (.pixel, false, false, "<img src=\"https://\(base)&t=2&redir=[REDIRECT_URL]\" width=\"1\" height=\"1\" />"),
        (.pixel, true, true, "<img src=\"https://\(escapedBase)&amp;t=2&amp;redir=[REDIRECT_URL]\" width=\"1\" height=\"1\" />"),
        (.link, true, false, "<a href=\"https://\(base)&redir=[REDIRECT_URL]\">YOUR TEXT HERE</a>"),
        (.link, false, false, "<a href=\"http://\(base)&redir=[REDIRECT_URL]\">YOUR TEXT HERE</a>"),
        (.link, true, true, "<a href=\"https://\(escapedBase)&amp;redir=[REDIRECT_URL]\">YOUR TEXT HERE</a>"),
        (.link, false, true, "<a href=\"http://\(escapedBase)&amp;redir=[REDIRECT_URL]\">YOUR TEXT HERE</a>"),
    ])
    func goldens(type: ExportType, secure: Bool, escape: Bool, element: String) {
        let tags = TagGenerator(options: Self.allMacros(type, secure: secure, escape: escape)).export([Self.clikTrax])
        #expect(tags == "<!-- Click Tracker - CLIK TRAX -->\n\(element)\n<!-- End of Click Tracker -->\n")
    }

    @Test func theUrlTypeIsBareWhateverTheEscaping() {
        for escape in [false, true] {
            for secure in [false, true] {
                let url = TagGenerator(options: Self.allMacros(.url, secure: secure, escape: escape)).export([Self.clikTrax])
                #expect(url == "\(secure ? "https" : "http")://\(Self.base)&redir=[REDIRECT_URL]\n")
            }
        }
    }

    @Test func parametersKeepTheirOrderAndRedirIsAlwaysLast() {
        var options = TagOptions(type: .javascript)
        options.use(.redirectURL, value: "https://shop.example/p?a=1&b=2#x")
        options.use(.ancost, value: "0.25")
        #expect(TagGenerator(options: options).url(for: 5)
            == "https://ib.adnxs.com/clktrb?id=5&ancost=0.25&t=1&redir=https://shop.example/p?a=1&b=2#x")
        #expect(TagGenerator(options: TagOptions(type: .link)).url(for: 5) == "https://ib.adnxs.com/clktrb?id=5")
    }

    @Test func severalTrackersAreSeparatedByABlankLine() {
        var second = Self.clikTrax
        second.id = 21379
        second.name = "Second"
        let tags = TagGenerator(options: TagOptions(type: .pixel)).export([Self.clikTrax, second])
        #expect(tags == """
            <!-- Click Tracker - CLIK TRAX -->
            <img src="https://ib.adnxs.com/clktrb?id=21378&t=2" width="1" height="1" />
            <!-- End of Click Tracker -->

            <!-- Click Tracker - Second -->
            <img src="https://ib.adnxs.com/clktrb?id=21379&t=2" width="1" height="1" />
            <!-- End of Click Tracker -->

            """)
        let urls = TagGenerator(options: TagOptions(type: .url)).export([Self.clikTrax, second])
        #expect(urls == "https://ib.adnxs.com/clktrb?id=21378\nhttps://ib.adnxs.com/clktrb?id=21379\n")
    }

    @Test func hostAndLinkTextAreConfigurable() {
        let options = TagOptions(type: .link, host: "clicks.example.net:8443", linkText: "Shop <now> & “save”")
        #expect(TagGenerator(options: options).tag(for: Self.clikTrax).contains(
            "<a href=\"https://clicks.example.net:8443/clktrb?id=21378\">Shop &lt;now&gt; &amp; “save”</a>"))
    }

    @Test func rawAmpersandsThatABrowserWouldDecodeAreEscapedAnyway() {
        #expect(HTMLText.attributeURL("https://x.example/?a=1&copy=2&cent&b=3&#38;&x;&redir", escapeAll: false)
            == "https://x.example/?a=1&amp;copy=2&amp;cent&b=3&amp;#38;&amp;x;&redir")
    }
}

@Suite struct MacroValueRulesTests {
    @Test(arguments: ["[CACHEBUSTER]", "%%CACHEBUSTER%%", "${CACHEBUSTER}", "{{random}}", "[%tp_Cachebuster%]", "[timestamp]"])
    func cachebusterMacros(_ value: String) {
        #expect(MacroValueRules.problem(value, for: .cachebuster) == nil)
    }

    @Test(arguments: ["", "123", "%%CB", "[CB]&x=1", "\"><script>", "%%A B%%", "[]", "javascript:alert(1)"])
    func cachebusterRejects(_ value: String) {
        #expect(MacroValueRules.problem(value, for: .cachebuster) != nil)
    }

    @Test func ancostLiterals() {
        for good in ["[ANCOST]", "%%COST%%", "0", "0.5", "999999.999999", "12.123456"] {
            #expect(MacroValueRules.problem(good, for: .ancost) == nil, "\(good)")
        }
        for bad in ["-1", "1000000", "1.1234567", "1e3", ".5", "5.", "1,5", "NaN", "0x10", " 1"] {
            #expect(MacroValueRules.problem(bad, for: .ancost) != nil, "\(bad)")
        }
    }

    @Test func redirectUrls() {
        for good in ["[REDIRECT_URL]", "%%CLICK_URL_UNESC%%", "https://shop.example/a?b=1&c=2", "%%CLICK_URL_UNESC%%https://shop.example/"] {
            #expect(MacroValueRules.problem(good, for: .redirectURL) == nil, "\(good)")
        }
        for bad in ["javascript:alert(1)", "data:text/html,x", "//shop.example", "https://shop.example/\"x", "%%CLICK%%javascript:x", "shop.example"] {
            #expect(MacroValueRules.problem(bad, for: .redirectURL) != nil, "\(bad)")
        }
    }
}

@Suite struct TagLintTests {
    let tracker = TagGeneratorTests.clikTrax

    @Test func aCleanExportHasNoFindings() {
        #expect(TagLint.check([tracker], options: TagOptions()).isEmpty)
    }

    @Test func eachRule() {
        var bare = tracker
        bare.clickUrl = nil
        bare.state = .inactive
        bare.paymentRule = ObjectRef(id: 9, name: "70% Rev Share")
        var options = TagOptions(type: .link, secure: false)
        options.use(.ancost, value: "1.5")
        let findings = TagLint.check([bare], options: options)
        #expect(findings.map(\.severity) == [.warning, .error, .warning, .warning])
        #expect(findings.map(\.description) == [
            "non-secure (http) tag: https pages will block it; export a secure tag unless the ad server needs http",
            "tracker 21378: no landing page: the tracker has no Landing Page URL and REDIRECT_URL is not set, so clicks would go nowhere",
            "tracker 21378: ANCOST overrides its payment rule “70% Rev Share”",
            "tracker 21378: inactive: Invest records no clicks on it until it is activated",
        ])
        // A piggybacked pixel without a landing page only warns; REDIRECT_URL silences it.
        #expect(TagLint.check([bare], options: TagOptions(type: .pixel)).first { $0.message.hasPrefix("no landing") }?.severity == .warning)
        var redirect = TagOptions(type: .link)
        redirect.use(.redirectURL)
        #expect(!TagLint.check([bare], options: redirect).contains { $0.message.hasPrefix("no landing") })
    }

    @Test func malformedMacrosAndHostsAreErrors() {
        var options = TagOptions(host: "evil.example/\"")
        options.use(.cachebuster, value: "\"><script>alert(1)</script>")
        let errors = TagLint.errors(in: TagLint.check([tracker], options: options))
        #expect(errors.count == 2)
        #expect(errors[0].message.hasPrefix("tracker host:"))
        #expect(errors[1].message.hasPrefix("CACHEBUSTER: expected [CACHEBUSTER]"))
        #expect(TagLint.errors(in: TagLint.check([TagSubject](), options: TagOptions())).count == 1)
    }
}
