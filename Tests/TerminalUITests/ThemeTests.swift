import Foundation
import Testing
@testable import TerminalUI

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    @Test func everyFileInThemesParses() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files).isSuperset(of: ["default.toml", "light.toml", "high-contrast.toml", "mono.toml"]))
        for file in files {
            let theme = try ThemeFile.load(path: Self.themesFolder.appendingPathComponent(file).path)
            #expect(theme.name == String(file.dropLast(5)))
            #expect(ThemeRole.allCases.allSatisfy { theme.styles[$0] != nil }, "\(file) leaves no role unstyled")
        }
    }

    @Test func theCompiledInThemesEqualTheirFiles() throws {
        let empty = Theme(name: "", styles: [:])
        #expect(try ThemeFile.load(path: Self.themesFolder.appendingPathComponent("default.toml").path, base: empty) == .builtinDefault)
        #expect(try ThemeFile.load(path: Self.themesFolder.appendingPathComponent("mono.toml").path, base: empty) == .builtinMono)
        #expect(try ThemeFile.load(path: Self.themesFolder.appendingPathComponent("light.toml").path) == .builtinLight)
        // The built-in high-contrast is the file itself, byte for byte, parsed.
        let highContrast = try String(contentsOf: Self.themesFolder.appendingPathComponent("high-contrast.toml"), encoding: .utf8)
        #expect(Theme.highContrastFile + "\n" == highContrast)
        #expect(try ThemeFile.load(path: Self.themesFolder.appendingPathComponent("high-contrast.toml").path) == .builtinHighContrast)
        #expect(Theme.builtinHighContrast.name == "high-contrast" && Theme.builtinHighContrast != .builtinDefault)
        #expect(Theme.builtinMono.styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
    }

    @Test func aFileOverridesOnlyWhatItLists() throws {
        let theme = try ThemeFile.parse("\"dialog.border\" = { fg = \"#ff0000\", bold = true }\n", source: "t.toml", name: "t")
        #expect(theme.style(.dialogBorder) == Style(foreground: .rgb(255, 0, 0), bold: true))
        #expect(theme.style(.footerKey) == Theme.builtinDefault.style(.footerKey))
        // Dotted keys and tables name roles too.
        let dotted = try ThemeFile.parse("[table.row]\nfg = \"red\"\n[table.row.cursor]\nreverse = true\n", source: "t.toml", name: "t")
        #expect(dotted.style(.tableRow).foreground == .ansi(1))
        #expect(dotted.style(.tableRowCursor) == Style(reverse: true))
    }

    @Test(arguments: [
        ("\"dialog.boarder\" = { fg = \"red\" }\n", "t.toml:1: dialog.boarder: unknown role; did you mean “dialog.border”?"),
        ("\n\"footer.key\" = { fg = \"rouge\" }\n", "t.toml:2: footer.key: fg: expected a colour name, 0–255, #rrggbb or default"),
        ("footer = { fg = \"#12345\" }\n", "t.toml:1: footer: fg: expected a colour name"),
        ("footer = { fg = 300 }\n", "t.toml:1: footer: fg: expected a colour name"),
        ("footer = { blink = true }\n", "t.toml:1: footer.blink: unknown attribute “blink”"),
        ("footer = { bold = \"yes\" }\n", "t.toml:1: footer: bold: expected true or false"),
        ("footer = { bold = true }\nfooter = { dim = true }\n", "t.toml:2: "),
        ("footer = 3\n", "t.toml:1: footer: expected a style table"),
    ])
    func badFilesNameFileLineAndRole(text: String, message: String) {
        do {
            _ = try ThemeFile.parse(text, source: "t.toml", name: "t")
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }

    @Test func coloursMapToWhatTheTerminalHas() {
        #expect(Color(parsing: "#ff0000")?.index(forColors: 256) == 196)
        #expect(Color(parsing: "#ff0000")?.index(forColors: 16) == 9)
        #expect(Color(parsing: "#ff0000")?.index(forColors: 8) == 1)
        #expect(Color(parsing: "bright-blue")?.index(forColors: 8) == 4)
        #expect(Color(parsing: "default")?.index(forColors: 256) == -1)
        #expect(Color(parsing: "236")?.index(forColors: 16) == 0, "a dark grey becomes black, not white")
        #expect(Color(parsing: "#808080")?.index(forColors: 16) == 8)
        #expect(Color(parsing: "nope") == nil && Color(parsing: "256") == nil)
    }

    /// Found by scripts/fuzz: a theme file of `[,` stopped the process inside toml++.
    @Test func aHeaderThatWouldAbortTheParserIsAMessage() {
        #expect(throws: ThemeFile.Failure.self) { try ThemeFile.parse("[,", source: "t.toml", name: "t") }
        do {
            _ = try ThemeFile.parse("name = \"x\"\n[ é", source: "t.toml", name: "t")
        } catch {
            #expect("\(error)" == "t.toml:2: a table name must start with a letter, a digit, “_”, “-” or a quote (got “é”)")
        }
    }
}
