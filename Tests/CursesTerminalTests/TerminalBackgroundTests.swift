import Testing
@testable import CursesTerminal

/// `theme = "auto"`: the terminal's answer to OSC 11, else COLORFGBG.
@Suite struct TerminalBackgroundTests {
    @Test func anOSC11AnswerSaysLightOrDark() {
        func reply(_ text: String) -> TerminalBackground? { TerminalBackground.fromReply(Array(text.utf8)) }
        #expect(reply("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\\u{1B}[?1;2c") == .light)
        #expect(reply("\u{1B}]11;rgb:0000/0000/0000\u{07}") == .dark)
        #expect(reply("\u{1B}]11;rgb:f5/f5/dc\u{07}") == .light)            // two digits a part
        #expect(reply("\u{1B}]11;rgb:2e2e/3434/4040\u{1B}\\") == .dark)
        #expect(reply("\u{1B}[?1;2c") == nil)                                // DA1 only: no answer
        #expect(reply("\u{1B}]11;rgb:ffff/ffff\u{07}") == nil)
        #expect(reply("\u{1B}]11;rgb:fffff/0/0\u{07}") == nil)
    }

    @Test func colorFGBGNamesTheBackgroundLast() {
        #expect(TerminalBackground.fromColorFGBG("0;15") == .light)
        #expect(TerminalBackground.fromColorFGBG("0;default;7") == .light)
        #expect(TerminalBackground.fromColorFGBG("15;0") == .dark)
        #expect(TerminalBackground.fromColorFGBG("7;8") == .dark)
        #expect(TerminalBackground.fromColorFGBG("15;default") == nil)
        #expect(TerminalBackground.fromColorFGBG("") == nil)
    }

    @Test func theDeviceAttributesAnswerEndsTheWait() {
        #expect(TerminalBackground.endsWithDeviceAttributes(Array("\u{1B}]11;rgb:0/0/0\u{07}\u{1B}[?62;22c".utf8)))
        #expect(!TerminalBackground.endsWithDeviceAttributes(Array("\u{1B}]11;rgb:0/0/0\u{07}\u{1B}[?62;2".utf8)))
    }
}
