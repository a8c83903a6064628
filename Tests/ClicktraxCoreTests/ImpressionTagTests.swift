import Testing
@testable import ClicktraxCore

/// Impression trackers' tags (RULES.md §12): `imptr`, `t=1` for the JavaScript tag and `t=2` for the
/// image (and the bare URL an ad server fires as an image), `redir` last and unencoded, Invest's
/// `Imp Tracker - NAME - DO NOT MODIFY` wrapper; no link, no landing page.
@Suite struct ImpressionTagTests {
    static let tracker = TagSubject(kind: .impression, id: 1425, name: "Test Impression Tracker")

    static func options(_ type: ExportType, preset: TagPreset = .invest) -> TagOptions {
        var options = TagOptions(type: type)
        preset.apply(to: &options, for: .impression)
        return options
    }

    @Test func theJavaScriptTagIsInvestsShape() {
        #expect(TagGenerator(options: Self.options(.javascript)).export([Self.tracker]) == """
            <!-- Imp Tracker - Test Impression Tracker - DO NOT MODIFY -->
            <script src="https://ib.adnxs.com/imptr?id=1425&cachebuster=[CACHEBUSTER]&t=1" type="text/javascript"></script>
            <!-- End of Imp Tracker -->

            """)
    }

    @Test func theImagePixelAndTheBareURLAreTypeTwo() {
        #expect(TagGenerator(options: Self.options(.pixel)).export([Self.tracker]) == """
            <!-- Imp Tracker - Test Impression Tracker - DO NOT MODIFY -->
            <img src="https://ib.adnxs.com/imptr?id=1425&cachebuster=[CACHEBUSTER]&t=2" width="1" height="1" />
            <!-- End of Imp Tracker -->

            """)
        #expect(TagGenerator(options: Self.options(.url)).export([Self.tracker])
                == "https://ib.adnxs.com/imptr?id=1425&cachebuster=[CACHEBUSTER]&t=2\n")
        // A click tracker's bare URL is a click-through: no t.
        #expect(TagGenerator(options: Self.options(.url)).url(for: 1425) == "https://ib.adnxs.com/clktrb?id=1425&cachebuster=[CACHEBUSTER]")
    }

    @Test func everyParameterInOrderRedirLastAndUnencoded() {
        var options = TagOptions(type: .javascript, secure: false, host: "ib.adnxs.net")
        options.use(.cachebuster, value: "%%CACHEBUSTER%%")
        options.use(.ancost, value: "0.25")
        options.use(.redirectURL, value: "https://pixel.example/p?a=1&b=2")
        #expect(TagGenerator(options: options).url(for: 7, kind: .impression)
                == "http://ib.adnxs.net/imptr?id=7&cachebuster=%%CACHEBUSTER%%&ancost=0.25&t=1&redir=https://pixel.example/p?a=1&b=2")
    }

    @Test func aPresetSetsTheCachebusterAndNoRedirForAnImpression() {
        for preset in TagPreset.allCases {
            let options = Self.options(.pixel, preset: preset)
            #expect(options.macros[.cachebuster] == preset.cachebuster, "\(preset)")
            #expect(options.macros[.redirectURL] == nil, "\(preset)")
            #expect(TagLint.check([Self.tracker], options: options).filter { $0.severity != .note }.isEmpty, "\(preset)")
        }
        #expect(Self.options(.pixel, preset: .cm360).macros[.cachebuster] == "%n")
    }

    @Test func aLinkIsRefusedForAnImpressionTracker() throws {
        let findings = TagLint.check([Self.tracker], options: Self.options(.link))
        let errors = TagLint.errors(in: findings)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("an impression tracker has no Link tag") == true, "\(errors)")
        #expect(throws: ClicktraxError.self) { try TagExport.make([Self.tracker], options: Self.options(.link)) }
    }

    /// No landing page, no click-through notes: an impression leads nowhere and is no click.
    @Test func noLandingPageFindingsAndTheLintCountsImpressions() throws {
        var inactive = Self.tracker
        inactive.state = .inactive
        inactive.paymentRule = ObjectRef(id: 3, name: "CPM 2.00")
        var options = Self.options(.javascript, preset: .cm360)
        options.use(.ancost)
        let findings = TagLint.check([inactive], options: options)
        #expect(findings.map(\.description) == [
            "tracker 1425: ANCOST overrides its payment rule “CPM 2.00”",
            "tracker 1425: inactive: Invest records no impressions on it until it is activated",
        ])
        let provisional = TagSubject(kind: .impression, id: InvestIDs.provisionalBase, name: "new")
        let refusal = TagLint.errors(in: TagLint.check([provisional], options: options)).first?.message ?? ""
        #expect(refusal.contains("not on Invest yet: its tags would count no impressions") && refusal.contains("clicktrax invest push"),
                "\(refusal)")
    }

    @Test func theExportNamesItsKind() throws {
        let export = try TagExport.make([Self.tracker], options: Self.options(.pixel))
        #expect(export.noun == "impression tracker")
        #expect(export.fileStem == "impression-trackers")
        let mail = TagEmail(from: "ops@example.com", to: ["ad@example.com"], export: export)
        #expect(mail.subject == "Impression tracker tags: Test Impression Tracker")
        #expect(mail.attachmentName.hasPrefix("impression-trackers-"))
        #expect(mail.introduction.hasPrefix("1 impression tracker tag from Clicktrax — Secure pixel"))
    }
}
