import CNcursesw
import TerminalUI
import Testing
@testable import CursesTerminal

@Suite struct KeyDecoderTests {
    static func chars(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }

    @Test(arguments: [
        ([RawInput.character(0x61)], [InputEvent.key(.char("a"))]),
        ([.character(0xE9)], [.key(.char("é"))]),
        ([.character(0x6771)], [.key(.char("東"))]),
        ([.character(0x0D)], [.key(KeyPress(.enter))]),
        ([.keyCode(KEY_ENTER)], [.key(KeyPress(.enter))]),
        ([.character(0x09)], [.key(KeyPress(.tab))]),
        ([.keyCode(KEY_BTAB)], [.key(KeyPress(.backTab))]),
        ([.character(0x7F)], [.key(KeyPress(.backspace))]),
        ([.keyCode(KEY_BACKSPACE)], [.key(KeyPress(.backspace))]),
        ([.keyCode(KEY_DC)], [.key(KeyPress(.delete))]),
        ([.character(0x1B)], [.key(KeyPress(.escape))]),
        ([.keyCode(KEY_UP)], [.key(KeyPress(.up))]),
        ([.keyCode(KEY_DOWN)], [.key(KeyPress(.down))]),
        ([.keyCode(KEY_LEFT)], [.key(KeyPress(.left))]),
        ([.keyCode(KEY_RIGHT)], [.key(KeyPress(.right))]),
        ([.keyCode(KEY_HOME)], [.key(KeyPress(.home))]),
        ([.keyCode(KEY_END)], [.key(KeyPress(.end))]),
        ([.keyCode(KEY_PPAGE)], [.key(KeyPress(.pageUp))]),
        ([.keyCode(KEY_NPAGE)], [.key(KeyPress(.pageDown))]),
        ([.keyCode(KEY_SLEFT)], [.key(KeyPress(.left, shift: true))]),
        ([.character(0x01)], [.key(.ctrl("a"))]),
        ([.character(0x1A)], [.key(.ctrl("z"))]),
        ([.character(0x00)], [.key(KeyPress(.character(" "), ctrl: true))]),
        ([.character(0x1B), .character(0x62)], [.key(.alt("b"))]),
        ([.character(0x1B), .keyCode(KEY_LEFT)], [.key(KeyPress(.left, alt: true))]),
        ([.character(0x1B), .character(0x1B)], [.key(KeyPress(.escape)), .key(KeyPress(.escape))]),
        ([.character(0x9B)], []),
    ])
    func decodes(_ inputs: [RawInput], _ expected: [InputEvent]) {
        var decoder = KeyDecoder()
        #expect(decoder.decode(inputs) == expected)
    }

    @Test func functionKeys() {
        var decoder = KeyDecoder()
        for n in 1...12 {
            #expect(decoder.decode([.keyCode(ctx_key_f(Int32(n)))]) == [.key(KeyPress(.function(n)))])
        }
        #expect(decoder.decode([.keyCode(ctx_key_f(14))]) == [.key(KeyPress(.function(2), shift: true))])
    }

    @Test func bracketedPasteIsOneEventEvenAcrossReads() {
        var decoder = KeyDecoder()
        let start = [RawInput.character(0x1B)] + Self.chars("[200~wonka\rholiday")
        #expect(decoder.decode(start).isEmpty)
        #expect(decoder.isPasting)
        let end = Self.chars(" jp q") + [.character(0x1B)] + Self.chars("[201~") + [.character(0x71)]
        #expect(decoder.decode(end) == [.paste("wonka\nholiday jp q"), .key(.char("q"))])
        #expect(!decoder.isPasting)
    }

    @Test func modifiedKeysFromTerminfo() {
        var decoder = KeyDecoder()
        decoder.modifiedKeys = [600: KeyPress(.left, ctrl: true)]
        #expect(decoder.decode([.keyCode(600)]) == [.key(KeyPress(.left, ctrl: true))])
    }
}
