import Testing
@testable import CursesTerminal

@Suite struct HeadlessCursesTests {
    @Test func wideTextReadsBackThroughNcurses() throws {
        let text = "┌─ Café Zürich 東京ラーメン ─┐"
        #expect(try HeadlessCurses.roundTrip(text, width: 60) == text)
    }

    @Test func anUnknownTerminalIsAClearError() {
        #expect(throws: HeadlessCurses.Failure.self) {
            try HeadlessCurses.roundTrip("x", term: "no-such-terminal-type")
        }
    }
}
