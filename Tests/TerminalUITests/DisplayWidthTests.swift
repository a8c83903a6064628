import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func measuresCells() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("Café") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1, "a combining accent takes no cell")
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("🍜") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2, "a ZWJ family is one wide glyph")
        #expect(DisplayWidth.of("🇯🇵") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test func truncationNeverCutsAWideCharacterInHalf() {
        #expect(DisplayWidth.truncate("東京ラーメン", to: 6) == "東京…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("東京ラーメン", to: 6)) == 5)
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        // Measured as drawn: each bidi control shows as a one-cell "�".
        #expect(DisplayWidth.truncate("A \u{202E}exe\u{202C} xxxxxxxx", to: 10) == "A �exe� x…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("\u{202E}\u{202E}\u{202E}abc", to: 4)) == 4)
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.fit("東京", to: 5) == "東京 ")
    }

    @Test func sanitizeNeutralisesEscapesAndBidiControls() {
        #expect(TerminalSafeText.sanitize("a\u{1B}[2Jb") == "a\u{241B}[2Jb")
        #expect(TerminalSafeText.sanitize("evil\u{202E}gpj.exe") == "evil\u{FFFD}gpj.exe")
        // Line breaks and tabs are shown, one cell each: a value holding one says so.
        #expect(TerminalSafeText.sanitize("two\nlines\ttab") == "two␊lines␉tab")
        #expect(TerminalSafeText.sanitize("plain Café 東京") == "plain Café 東京")
        #expect(TerminalSafeText.sanitize("c1\u{9B}31m") == "c1\u{FFFD}31m")
    }

    @Test func plainTablesAlignByCellsAndStayInert() {
        var table = PlainTextTable(columns: [.init("ID", alignRight: true), .init("Name", maxWidth: 6)])
        table.append(["1", "東京ラーメン"])
        table.append(["22", "x\u{1B}]52;c;AAAA\u{07}"])
        #expect(table.render() == """
            ID  Name
             1  東京…
            22  x␛]52…

            """)
    }
}

@Suite struct PlainTextTableFittingTests {
    @Test func theWidestColumnsShrinkToFitTheTerminal() {
        var table = PlainTextTable(columns: [
            .init("ID", alignRight: true), .init("Name", minWidth: 8), .init("Publisher", minWidth: 8, dropPriority: 1),
            .init("Modified", dropPriority: 0),
        ])
        table.append(["1", "Wonka Holiday 2026 – JP – Display", "The Daily Planet", "2026-11-29"])
        let lines = table.render(totalWidth: 40).split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 40 })
        #expect(lines[1] == " 1  Wonka Holi…  The Daily …  2026-11-29", "text shrinks, the date stays whole")
        // Narrower than the minimums: the lowest priority column goes, then the next.
        #expect(table.render(totalWidth: 24).split(separator: "\n")[1] == " 1  Wonka Ho…  The Dail…")
        #expect(table.render(totalWidth: 16).split(separator: "\n")[1] == " 1  Wonka Holid…")
        // Without a width, values are whole.
        #expect(table.render().contains("Wonka Holiday 2026 – JP – Display"))
    }
}
