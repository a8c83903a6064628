import Testing
@testable import TerminalUI

/// A terminal whose locale is not UTF-8 gets ASCII stand-ins, never blanks, in the same columns.
@Suite struct ASCIIStandInTests {
    @Test func accentsFoldAndSymbolsHaveLookAlikes() {
        let folded = "Zürich Café Olé Ærø Łódź ß — “q” → ↑↓ ▾ ✓ ·".map { ASCIIStandIn.character(for: $0) }
        #expect(String(folded) == "Zurich Cafe Ole Aro Lodz s - \"q\" > ^v v + .")
        #expect(ASCIIStandIn.character(for: "─") == "-")
        #expect(ASCIIStandIn.character(for: "│") == "|")
        #expect(["┌", "┐", "└", "┘", "┼", "╭"].allSatisfy { ASCIIStandIn.character(for: $0) == "+" })
        #expect(ASCIIStandIn.character(for: "Ω") == "?")
    }

    @Test func aFrameKeepsItsColumnsWithWideCharactersAndCutText() {
        let theme = Theme.builtinDefault
        var buffer = ScreenBuffer(width: 30, height: 3)
        buffer.write("│東京 Zürich│", x: 0, y: 0, role: .tableRow, theme: theme)
        buffer.write("Holiday Campaign", x: 0, y: 1, maxWidth: 10, role: .tableRow, theme: theme)
        buffer.write("LI-1", x: 11, y: 1, role: .tableRow, theme: theme)
        buffer.write("Sending the email…", x: 0, y: 2, role: .footer, theme: theme)
        let ascii = ASCIIStandIn.frame(buffer)
        #expect(ascii.lines == ["|???? Zurich|" + String(repeating: " ", count: 17),
                                "Holiday... LI-1" + String(repeating: " ", count: 15),
                                "Sending the email..." + String(repeating: " ", count: 10)])
        #expect(ascii.cells.allSatisfy { $0.character.isASCII && $0.width == 1 })
        #expect(ascii[1, 0].style == buffer[1, 0].style)
    }
}
