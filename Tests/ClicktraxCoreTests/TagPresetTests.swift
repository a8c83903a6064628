import Foundation
import Testing
@testable import ClicktraxCore

/// Presets per receiving ad server (RULES.md §11): each sets the cachebuster and the landing page as
/// its ad server fills them, CM360's `%n` and its empty trailing `redir=` are accepted and
/// explained, and a CM360 tag reaches the landing page the ad server appends.
@Suite struct TagPresetTests {
    func tracker(_ id: Int64 = 21378, clickUrl: String? = "https://shop.example/") -> Tracker {
        Tracker(id: id, name: "CLIK TRAX", clickUrl: clickUrl, lineItem: ObjectRef(id: 1, name: ""),
                     publisher: ObjectRef(id: 1, name: ""), lastModified: "")
    }

    func url(_ preset: TagPreset) -> String {
        var options = TagOptions(type: .url)
        preset.apply(to: &options)
        return TagGenerator(options: options).url(for: 21378)
    }

    @Test func eachPresetFillsTheMacrosAsItsAdServerDoes() {
        #expect(url(.invest) == "https://ib.adnxs.com/clktrb?id=21378&cachebuster=[CACHEBUSTER]&redir=[REDIRECT_URL]")
        #expect(url(.gam) == "https://ib.adnxs.com/clktrb?id=21378&cachebuster=%%CACHEBUSTER%%")
        #expect(url(.cm360) == "https://ib.adnxs.com/clktrb?id=21378&cachebuster=%n&redir=")
        #expect(url(.dv360) == "https://ib.adnxs.com/clktrb?id=21378&cachebuster=${CACHEBUSTER}")
        #expect(url(.xandr) == "https://ib.adnxs.com/clktrb?id=21378&cachebuster=${CACHEBUSTER}")
        // Only the two macros: ANCOST, the type and the rest are the operator's.
        var options = TagOptions(type: .link, secure: false)
        options.use(.ancost, value: "0.25")
        TagPreset.cm360.apply(to: &options)
        #expect(options.macros[.ancost] == "0.25" && options.type == .link && !options.secure && options.preset == .cm360)
    }

    @Test func cm360sFormsAreAcceptedAndNothingLikeThem() {
        for value in ["%n", "%c"] { #expect(MacroValueRules.problem(value, for: .cachebuster) == nil, "\(value)") }
        #expect(MacroValueRules.problem("", for: .redirectURL) == nil, "an empty redir, for the ad server to fill")
        #expect(MacroValueRules.problem("%chttps://shop.example/", for: .redirectURL) == nil, "CM360's click string before a URL")
        for value in ["%", "%1", "%nabc", "%n x", "%n\"", "%%n"] {
            #expect(MacroValueRules.problem(value, for: .cachebuster) != nil, "\(value)")
        }
        #expect(MacroValueRules.problem("", for: .cachebuster) != nil)
        #expect(MacroValueRules.problem("", for: .ancost) != nil)
    }

    @Test func theLintExplainsAnEmptyRedirAndWarnsWhenTheAdServerAppendsNone() {
        var cm360 = TagOptions(type: .url)
        TagPreset.cm360.apply(to: &cm360)
        let said = TagLint.check([tracker(clickUrl: nil)], options: cm360)
        #expect(TagLint.errors(in: said).isEmpty, "the ad server gives the landing page: not nowhere")
        #expect(said.contains { $0.severity == .warning && $0.message.contains("the ad server must append the landing page") })
        #expect(said.contains { $0.severity == .note && $0.message.contains("click-through event tag") })

        var gam = TagOptions(type: .url)
        TagPreset.gam.apply(to: &gam)
        gam.use(.redirectURL, value: "")
        let warned = TagLint.check([tracker()], options: gam)
        #expect(warned.contains { $0.severity == .warning && $0.message.contains("Google Ad Manager does not append a landing page") })
        #expect(warned.contains { $0.severity == .note && $0.message.contains("%%CLICK_URL_UNESC%% before the tracker URL") })
        let export = try? TagExport.make([tracker()], options: gam)
        #expect(export?.notes.count == 1 && export?.warnings.contains { $0.message.contains("does not append") } == true)
    }

    /// What CM360 does with its click-through event tag: appends the landing page to the URL as
    /// it is. Invest takes everything after `redir=` as the landing page; in each tag type the
    /// URL an HTML parser reads is the one CM360 appends to.
    @Test func aCM360TagReachesTheLandingPageTheAdServerAppends() throws {
        let landing = "https://shop.example/sale?utm_source=cm360&a=1&b=2"
        for type in [ExportType.url, .javascript, .pixel, .link] {
            var options = TagOptions(type: type)
            TagPreset.cm360.apply(to: &options)
            let generator = TagGenerator(options: options)
            let tags = generator.export([tracker()])
            let url: String
            if type == .url {
                url = tags.trimmingCharacters(in: .newlines)
            } else {
                let events = try TagSafetyTests.parse(tags)
                let start = try #require(events.first { $0[0] as? String == "start" })
                let attributes = start[2] as? [String: String] ?? [:]
                url = try #require(attributes["src"] ?? attributes["href"])
            }
            #expect(url.hasSuffix("&redir="), "\(type): redir empty and last")
            let clicked = url + landing
            let afterRedir = try #require(clicked.range(of: "&redir=")).upperBound
            #expect(String(clicked[afterRedir...]) == landing, "\(type): the landing page whole")
        }
    }

    @Test func theConfigurationNamesAPresetAndItsMacrosChangeIt() throws {
        let config = try ClicktraxConfig.parse("""
            [tags]
            preset = "cm360"
            [tags.macros]
            ancost = "0.5"
            """, source: "config.toml")
        #expect(config.tags.preset == .cm360 && config.tags.macros[.cachebuster] == "%n" && config.tags.macros[.redirectURL] == "")
        #expect(config.tags.macros[.ancost] == "0.5")
        #expect(throws: ClicktraxError.self) { try ClicktraxConfig.parse("[tags]\npreset = \"cm36\"", source: "config.toml") }
    }
}
