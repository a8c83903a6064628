import Foundation
import Testing
@testable import ClicktraxCore

@Suite struct TagEmailTests {
    func export(names: [String], redirect: String? = nil) throws -> TagExport {
        var options = TagOptions(type: .link)
        options.use(.redirectURL, value: redirect ?? "https://shop.example/?q=" + String(repeating: "x", count: 950))
        let trackers = names.enumerated().map { index, name in
            Tracker(id: Int64(index + 1), name: name, clickUrl: "https://x.example/", lineItem: ObjectRef(id: 1, name: ""),
                         publisher: ObjectRef(id: 1, name: ""), lastModified: "")
        }
        return try TagExport.make(trackers, options: options)
    }

    @Test func theMessageIsCrlfWithNoLineOver998Octets() throws {
        let email = TagEmail(from: "ops@example.com", to: ["a@example.com", "b@example.com"],
                             export: try export(names: ["CLIK TRAX", "東京ラーメン – Café 🍜"]),
                             date: Date(timeIntervalSince1970: 1_795_900_000), identifier: "ABC-123")
        let bytes = [UInt8](email.rendered())
        var lines: [[UInt8]] = [[]]
        for (index, byte) in bytes.enumerated() {
            if byte == 10 {
                #expect(index > 0 && bytes[index - 1] == 13, "every LF is part of a CRLF (offset \(index))")
                lines.append([])
            } else {
                lines[lines.count - 1].append(byte)
            }
        }
        #expect(lines.allSatisfy { $0.count <= 998 })
        #expect(lines.allSatisfy { $0.count <= 78 }, "in fact every line is short: long tag lines are encoded")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("From: ops@example.com\r\nTo: a@example.com, b@example.com\r\nDate: Sat, 28 Nov 2026 21:06:40 +0000"))
        #expect(text.contains("\r\nMessage-ID: <abc-123@clicktrax.invalid>\r\n"))
        #expect(text.contains("Subject: =?UTF-8?B?"), "a non-ASCII subject is an encoded word")
        #expect(text.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(text.contains("Content-Disposition: attachment; filename=\"click-trackers-20261128.html\""))
        #expect(bytes.allSatisfy { $0 < 0x80 }, "the message itself is 7-bit")
    }

    @Test func subjectsNameTheTrackers() throws {
        let one = TagEmail(from: "a@b.co", to: ["c@d.co"], export: try export(names: ["CLIK TRAX"]))
        #expect(one.subject == "Click tracker tags: CLIK TRAX")
        let many = TagEmail(from: "a@b.co", to: ["c@d.co"], export: try export(names: (1...40).map { "Tracker number \($0)" }))
        #expect(many.subject.hasPrefix("Click tracker tags (40): Tracker number 1, Tracker number 2"))
        #expect(many.subject.hasSuffix(", …") && many.subject.count < 160)
    }

    @Test func quotedPrintableRoundTrips() throws {
        let text = "<a href=\"x=1\">Café – 東京</a> trailing \n" + String(repeating: "y", count: 300) + "\nend"
        let encoded = QuotedPrintable.encode(text)
        #expect(encoded.split(separator: "\r\n").allSatisfy { $0.count <= 76 })
        let decoded = try Subprocess.run(
            "/usr/bin/python3", ["-c", "import quopri,sys; sys.stdout.buffer.write(quopri.decodestring(sys.stdin.buffer.read()))"],
            input: Data(encoded.utf8))
        #expect(decoded.stdoutText == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }
}

@Suite struct EmailAddressTests {
    @Test func acceptsPlainAddresses() {
        for good in ["ops@example.com", "first.last+tag@sub.example.co.uk", "o'brien@example.ie", "x@a-b.io"] {
            #expect(EmailAddress.problem(good) == nil, "\(good)")
        }
    }

    @Test func refusesAnythingThatCouldSmuggleAHeader() {
        for bad in ["", "ops", "ops@", "@example.com", "ops@example", "a@b@c.com", "ops@exa mple.com", ".ops@example.com",
                    "o..ps@example.com", "ops@example.com\r\nBcc: x@y.com", "Ops <ops@example.com>", "ops@-example.com",
                    "opé@example.com", "ops@example.c"] {
            #expect(EmailAddress.problem(bad) != nil, "\(bad.debugDescription)")
        }
    }

    @Test func listsAreTrimmedDeduplicatedAndLimitedToTen() throws {
        #expect(try EmailAddress.parseList(" a@x.com , b@y.com,A@X.com ") == ["a@x.com", "b@y.com"])
        #expect(throws: ClicktraxError.badInput("email: at most 10 addresses (got 11)")) {
            try EmailAddress.parseList((1...11).map { "a\($0)@x.com" }.joined(separator: ","))
        }
        #expect(throws: ClicktraxError.badInput("email: no address given")) { try EmailAddress.parseList("  ") }
    }
}

@Suite struct ClicktraxConfigTests {
    @Test func everyKey() throws {
        let config = try ClicktraxConfig.parse("""
            [tags]
            host = "clicks.example.net"
            type = "link"
            secure = false
            escape_ampersands = true
            link_text = "Shop now"

            [tags.macros]
            cachebuster = "%%CACHEBUSTER%%"
            ancost = false
            redirect_url = true

            [email]
            from = "ops@example.com"
            command = ["msmtp", "--account=work"]
            outbox = "~/outbox"
            """, source: "c.toml")
        #expect(config.tags == TagOptions(
            type: .link, secure: false, escapeAmpersands: true,
            macros: [.cachebuster: "%%CACHEBUSTER%%", .redirectURL: "[REDIRECT_URL]"], host: "clicks.example.net",
            linkText: "Shop now"))
        #expect(config.email == EmailSettings(from: "ops@example.com", command: ["msmtp", "--account=work"], outbox: "~/outbox"))
    }

    @Test func anEmptyOrMissingFileIsTheDefaults() throws {
        #expect(try ClicktraxConfig.parse("", source: "c.toml") == ClicktraxConfig())
        #expect(try ClicktraxConfig.load(path: "/nonexistent/config.toml") == ClicktraxConfig())
    }

    @Test func theThemeIsATopLevelKeyAndAutoWhenAbsent() throws {
        #expect(try ClicktraxConfig.parse("theme = \"light\"\n[tags]\nsecure = true\n", source: "c.toml").theme == "light")
        #expect(try ClicktraxConfig.parse("[tags]\nsecure = true\n", source: "c.toml").theme == nil)
        #expect(throws: ClicktraxError.self) { try ClicktraxConfig.parse("theme = \"\"\n", source: "c.toml") }
        #expect(throws: ClicktraxError.self) { try ClicktraxConfig.parse("theme = 3\n", source: "c.toml") }
    }

    @Test func inlineTablesAreFoundForTheirLine() {
        #expect(throws: ClicktraxError.badInput("c.toml:3: [tags.macros] ancost: expected true, false or the macro's value as a string")) {
            try ClicktraxConfig.parse("[tags]\nhost = \"x.example\"\nmacros = { ancost = 5 }\n", source: "c.toml")
        }
    }
}
