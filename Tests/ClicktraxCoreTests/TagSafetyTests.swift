import Foundation
import Testing
@testable import ClicktraxCore

/// Every tag, whatever the data, parsed back by a real HTML parser (Python's `html.parser`) must
/// be exactly the intended comment, element, attribute URL and link text (RULES.md §3, Safety).
@Suite struct TagSafetyTests {
    /// Parses HTML from stdin and prints its events as JSON.
    static let parser = """
        import html.parser, json, sys
        events = []
        class P(html.parser.HTMLParser):
            def handle_comment(self, data): events.append(["comment", data])
            def handle_starttag(self, tag, attrs): events.append(["start", tag, dict(attrs)])
            def handle_startendtag(self, tag, attrs): events.append(["start", tag, dict(attrs)])
            def handle_endtag(self, tag): events.append(["end", tag])
            def handle_data(self, data): events.append(["data", data])
            def handle_decl(self, decl): events.append(["decl", decl])
            def handle_pi(self, data): events.append(["pi", data])
            def unknown_decl(self, data): events.append(["unknown", data])
        p = P(convert_charrefs=True)
        p.feed(sys.stdin.read()); p.close()
        print(json.dumps(events))
        """

    static func parse(_ html: String) throws -> [[Any]] {
        let result = try Subprocess.run("/usr/bin/python3", ["-c", parser], input: Data(html.utf8))
        #expect(result.succeeded, "python3: \(result.stderrText)")
        return try JSONSerialization.jsonObject(with: result.stdout) as? [[Any]] ?? []
    }

    static let names = [
        "-->", "--!><script>alert(1)</script>", "<!-- x", "a\"b'c", "x\u{0}y\u{1B}[2J", "\n<script>alert(1)</script>",
        "Sale 🎄 -- 50% --->", "مرحبا \u{202E}txt.exe", "-", "a-", "---", "<", ">", "&lt;b&gt;", "</script>", "东京 ラーメン",
        String(repeating: "x-", count: 300),
    ]
    static let linkTexts = ["</a><script>alert(1)</script>", "\"onclick=\"alert(1)", "&amp; &lt;", "two\nlines", "YOUR TEXT HERE"]
    static let redirects = [
        "https://x.example/?a=1&copy=2&lt=3&amp;x&#38;y", "https://x.example/?q='onmouseover='alert(1)'",
        "https://例え.jp/パス?q=値", "%%CLICK_URL_UNESC%%https://x.example/?a=1&b=2", "[REDIRECT_URL]",
    ]

    @Test func everyTagParsesAsExactlyTheIntendedMarkup() throws {
        // Batched in one document per option set (cheaper than one python per tag), then checked
        // tag by tag: comment, element (+ link text), end comment, separated by blank lines.
        for kind in TrackerKind.allCases {
        for type in [ExportType.javascript, .pixel, .link] where kind.exportTypes.contains(type) {
            for escape in [false, true] {
                for (index, redirect) in Self.redirects.enumerated() {
                    var options = TagOptions(type: type, escapeAmpersands: escape, linkText: Self.linkTexts[index % Self.linkTexts.count])
                    options.use(.redirectURL, value: redirect)
                    options.use(.cachebuster, value: "%%CACHEBUSTER%%")
                    #expect(TagLint.errors(in: TagLint.check([subject(kind, 1, "x")], options: options)).isEmpty)
                    let trackers = Self.names.enumerated().map { subject(kind, Int64($0.offset + 1), $0.element) }
                    let generator = TagGenerator(options: options)
                    let events = try Self.parse(generator.export(trackers)).filter {
                        !($0[0] as? String == "data" && ($0[1] as? String ?? "").allSatisfy(\.isNewline))
                    }
                    let perTag = type == .link ? 5 : (type == .javascript ? 4 : 3)
                    #expect(events.count == trackers.count * perTag, "\(type) escape=\(escape): \(events.count) events")
                    for (position, tracker) in trackers.enumerated() where events.count == trackers.count * perTag {
                        check(Array(events[(position * perTag)..<((position + 1) * perTag)]), tracker, generator)
                    }
                }
            }
        }
        }
    }

    func check(_ events: [[Any]], _ tracker: TagSubject, _ generator: TagGenerator) {
        let context = "\(tracker.kind.noun) “\(tracker.name.debugDescription)” as \(generator.options.type)"
        let open = events[0][1] as? String ?? ""
        #expect(events[0][0] as? String == "comment", "\(context)")
        let (prefix, suffix) = tracker.kind == .click ? (" Click Tracker - ", " ") : (" Imp Tracker - ", " - DO NOT MODIFY ")
        #expect(open.hasPrefix(prefix) && open.hasSuffix(suffix), "\(context): \(open)")
        #expect(!open.contains("--") && !open.contains("<") && !open.contains(">"), "\(context): \(open)")
        let element = generator.options.type == .javascript ? "script" : generator.options.type == .pixel ? "img" : "a"
        #expect(events[1][0] as? String == "start" && events[1][1] as? String == element, "\(context)")
        let attributes = events[1][2] as? [String: String] ?? [:]
        let urlAttribute = element == "a" ? "href" : "src"
        #expect(attributes[urlAttribute] == generator.url(for: tracker.id, kind: tracker.kind), "\(context): \(attributes)")
        let expectedKeys: Set<String> = element == "script" ? ["src", "type"] : element == "img" ? ["src", "width", "height"] : ["href"]
        #expect(Set(attributes.keys) == expectedKeys, "\(context): \(attributes)")
        if element == "a" {
            let expectedText = generator.options.linkText.replacingOccurrences(of: "\n", with: " ")
            #expect(events[2][0] as? String == "data" && events[2][1] as? String == expectedText, "\(context)")
            #expect(events[3][0] as? String == "end" && events[3][1] as? String == "a", "\(context)")
        }
        if element == "script" { #expect(events[2][0] as? String == "end" && events[2][1] as? String == "script", "\(context)") }
        let end = tracker.kind == .click ? " End of Click Tracker " : " End of Imp Tracker "
        #expect(events.last?[0] as? String == "comment" && events.last?[1] as? String == end, "\(context)")
    }

    func subject(_ kind: TrackerKind, _ id: Int64, _ name: String) -> TagSubject {
        kind == .click ? tracker(id, name).tagSubject : TagSubject(kind: .impression, id: id, name: name)
    }

    func tracker(_ id: Int64, _ name: String) -> Tracker {
        Tracker(id: id, name: name, clickUrl: "https://x.example/", lineItem: ObjectRef(id: 1, name: ""),
                     publisher: ObjectRef(id: 1, name: ""), lastModified: "")
    }

    @Test func nothingThatIsNotHttpReachesAUrl() {
        for value in ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:x", "java\tscript:x", "data:text/html,x",
                      "vbscript:x", "//evil.example", "%%M%%javascript:x", "https://x\"onerror=\"y"] {
            var options = TagOptions(type: .link)
            options.use(.redirectURL, value: value)
            #expect(!TagLint.errors(in: TagLint.check([tracker(1, "x")], options: options)).isEmpty, "\(value.debugDescription)")
            #expect(throws: ClicktraxError.self) { try TagExport.make([tracker(1, "x")], options: options) }
        }
    }

    /// An export of thousands of trackers that lint refuses says so in one line, not thousands.
    @Test func aRefusedBigExportNamesTheFirstProblemsThenACount() {
        let options = TagOptions(type: .link)
        // No landing page and no REDIRECT_URL: a link that leads nowhere, an error per tracker.
        let trackers = (1...300).map { id in
            var tracker = tracker(Int64(id), "t\(id)")
            tracker.clickUrl = nil
            return tracker
        }
        do {
            _ = try TagExport.make(trackers, options: options)
            Issue.record("expected a refusal")
        } catch {
            let message = "\(error)"
            #expect(message.hasPrefix("cannot export: "))
            #expect(message.hasSuffix("; … and 295 more"), "\(message)")
            #expect(!message.contains("\n"))
            #expect(message.count < 2_000)
        }
    }
}
