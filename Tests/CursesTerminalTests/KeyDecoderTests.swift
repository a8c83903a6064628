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

    @Test func aPasteReadInOneGoIsOneEventAndNeverKeys() {
        var decoder = KeyDecoder()
        // What tmux paste-buffer -p writes: the markers and the text in one read.
        let input = Self.chars("x") + [.character(0x1B)] + Self.chars("[200~https://a.example/?q=1\tq") + [.character(0x1B)]
            + Self.chars("[201~y")
        #expect(decoder.decode(input) == [.key(.char("x")), .paste("https://a.example/?q=1\tq"), .key(.char("y"))])
    }

    @Test func aSequenceCutBetweenReadsWaitsForItsEnd() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([.character(0x1B)] + Self.chars("[20")).isEmpty)
        #expect(decoder.isWaiting)
        #expect(decoder.decode(Self.chars("0~hi") + [.character(0x1B)] + Self.chars("[201~")) == [.paste("hi")])
        #expect(!decoder.isWaiting)
        // ESC [ and then nothing: Alt-[ after all, once the backend says nothing more came.
        #expect(decoder.decode([.character(0x1B)] + Self.chars("[")).isEmpty)
        #expect(decoder.flush() == [.key(.alt("["))])
        // A paste whose end never comes is still a paste, never keys.
        _ = decoder.decode([.character(0x1B)] + Self.chars("[200~qqq"))
        #expect(decoder.flush() == [.paste("qqq")])
    }

    @Test func altChordsReadTogether() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([.character(0x1B), .character(0x62), .character(0x1B), .character(0x66), .character(0x1B), .character(0x7F)])
                == [.key(.alt("b")), .key(.alt("f")), .key(KeyPress(.backspace, alt: true))])
    }

    @Test func sgrMouseReportsAnyColumnAndAPressWithItsReleaseIsOneClick() {
        var decoder = KeyDecoder()
        let click = [RawInput.character(0x1B)] + Self.chars("[<0;250;3M") + [.character(0x1B)] + Self.chars("[<0;250;3m")
        #expect(decoder.decode(click) == [.mouse(MouseEvent(.click, x: 249, y: 2))])
        #expect(decoder.decode([.character(0x1B)] + Self.chars("[<0;5;6M")) == [.mouse(MouseEvent(.press, x: 4, y: 5))])
        #expect(decoder.decode([.character(0x1B)] + Self.chars("[<0;5;6m")) == [.mouse(MouseEvent(.release, x: 4, y: 5))])
        #expect(decoder.decode([.character(0x1B)] + Self.chars("[<64;1;1M") + [.character(0x1B)] + Self.chars("[<65;1;1M"))
                == [.mouse(MouseEvent(.wheelUp, x: 0, y: 0)), .mouse(MouseEvent(.wheelDown, x: 0, y: 0))])
        // A drag or another button is read whole and dropped: none of it becomes keys.
        #expect(decoder.decode([.character(0x1B)] + Self.chars("[<32;7;7M") + [.character(0x1B)] + Self.chars("[<2;7;7M")).isEmpty)
        // Half a report waits for the rest.
        #expect(decoder.decode([.character(0x1B)] + Self.chars("[<0;12")).isEmpty)
        #expect(decoder.decode(Self.chars(";4M")) == [.mouse(MouseEvent(.press, x: 11, y: 3))])
    }
}
