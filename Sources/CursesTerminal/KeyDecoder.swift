import CNcursesw
import TerminalUI

/// Turns what ncurses read into `InputEvent`s: control bytes into Ctrl chords, ESC + key into
/// Alt chords, ncurses key codes into keys, and a bracketed paste (`ESC [200~ … ESC [201~`) into
/// one `.paste`. Pure, so it is tested from a table; the backend feeds it whatever input is
/// already waiting, and a lone ESC at the end of that is the Esc key.
public struct KeyDecoder: Sendable {
    /// Extended key codes ncurses assigns at run time for modified arrows (terminfo `kLFT5`…).
    public var modifiedKeys: [Int32: KeyPress] = [:]
    private var pasting: [UInt32]?

    public init() {}

    public mutating func decode(_ inputs: [RawInput]) -> [InputEvent] {
        var events: [InputEvent] = []
        var index = 0
        while index < inputs.count {
            let input = inputs[index]
            if var paste = pasting {
                // Inside a paste everything is text until ESC [201~.
                if case .character(0x1B) = input, Self.matches(inputs, at: index + 1, "[201~") {
                    events.append(.paste(Self.text(paste)))
                    pasting = nil
                    index += 6
                } else {
                    if case .character(let c) = input { paste.append(c) }
                    pasting = paste
                    index += 1
                }
                continue
            }
            switch input {
            case .keyCode(let code):
                if let event = keyCodeEvent(code) { events.append(event) }
                index += 1
            case .character(0x1B):
                if Self.matches(inputs, at: index + 1, "[200~") {
                    pasting = []
                    index += 6
                } else if index + 1 < inputs.count, case .character(let next) = inputs[index + 1], next != 0x1B {
                    // ESC then a key, read together: the terminal's Alt (Meta) prefix.
                    if var press = Self.characterPress(next) {
                        press.alt = true
                        events.append(.key(press))
                    }
                    index += 2
                } else if index + 1 < inputs.count, case .keyCode(let code) = inputs[index + 1],
                          case .key(var press)? = keyCodeEvent(code) {
                    press.alt = true
                    events.append(.key(press))
                    index += 2
                } else {
                    events.append(.key(KeyPress(.escape)))
                    index += 1
                }
            case .character(let scalar):
                if let press = Self.characterPress(scalar) { events.append(.key(press)) }
                index += 1
            }
        }
        return events
    }

    /// A paste still open when input ran out waits for the rest in the next call.
    public var isPasting: Bool { pasting != nil }

    static func characterPress(_ scalar: UInt32) -> KeyPress? {
        switch scalar {
        case 0x0D, 0x0A: return KeyPress(.enter)
        case 0x09: return KeyPress(.tab)
        case 0x7F, 0x08: return KeyPress(.backspace)
        case 0x1B: return KeyPress(.escape)
        case 0x00: return KeyPress(.character(" "), ctrl: true)
        case 0x01...0x1A: return KeyPress(.character(Character(Unicode.Scalar(scalar + 0x60)!)), ctrl: true)
        case 0x1C...0x1F: return KeyPress(.character(Character(Unicode.Scalar(scalar + 0x40)!)), ctrl: true)
        case 0x80..<0xA0: return nil
        default:
            guard let unicode = Unicode.Scalar(scalar) else { return nil }
            return KeyPress(.character(Character(unicode)))
        }
    }

    func keyCodeEvent(_ code: Int32) -> InputEvent? {
        if let press = modifiedKeys[code] { return .key(press) }
        let key: Key
        switch code {
        case KEY_UP: key = .up
        case KEY_DOWN: key = .down
        case KEY_LEFT: key = .left
        case KEY_RIGHT: key = .right
        case KEY_HOME, KEY_A1: key = .home
        case KEY_END, KEY_C1: key = .end
        case KEY_PPAGE, KEY_A3: key = .pageUp
        case KEY_NPAGE, KEY_C3: key = .pageDown
        case KEY_IC: key = .insert
        case KEY_DC: key = .delete
        case KEY_BACKSPACE: key = .backspace
        case KEY_ENTER: key = .enter
        case KEY_BTAB: key = .backTab
        case KEY_SR: return .key(KeyPress(.up, shift: true))
        case KEY_SF: return .key(KeyPress(.down, shift: true))
        case KEY_SLEFT: return .key(KeyPress(.left, shift: true))
        case KEY_SRIGHT: return .key(KeyPress(.right, shift: true))
        default:
            for n in 1...12 where code == ctx_key_f(Int32(n)) { return .key(KeyPress(.function(n))) }
            // Shifted F-keys (F13–F24 in terminfo) arrive as F1–F12 with Shift.
            for n in 13...24 where code == ctx_key_f(Int32(n)) { return .key(KeyPress(.function(n - 12), shift: true)) }
            return nil
        }
        return .key(KeyPress(key))
    }

    static func matches(_ inputs: [RawInput], at start: Int, _ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard start + scalars.count <= inputs.count else { return false }
        for (offset, scalar) in scalars.enumerated() {
            guard case .character(let c) = inputs[start + offset], c == scalar.value else { return false }
        }
        return true
    }

    static func text(_ scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for value in scalars {
            if let scalar = Unicode.Scalar(value) { view.append(scalar == "\r" ? "\n" : scalar) }
        }
        return String(view)
    }
}
