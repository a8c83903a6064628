import CNcursesw
import TerminalUI

/// Turns what ncurses read into `InputEvent`s: control bytes into Ctrl chords, ESC + key into
/// Alt chords, ncurses key codes into keys, a bracketed paste (`ESC [200~ … ESC [201~`) into one
/// `.paste`, and SGR mouse reports (`ESC [< b ; x ; y M|m`, mode 1006: any column) into mouse
/// events. Pure, so it is tested from a table. The backend hands it everything already waiting
/// in one call — a sequence is only recognised whole — and an unfinished sequence at the end
/// (the rest of a paste or a mouse report still on its way) is kept for the next call, or given
/// up as keys by `flush` when nothing more comes.
public struct KeyDecoder: Sendable {
    /// Extended key codes ncurses assigns at run time for modified arrows (terminfo `kLFT5`…).
    public var modifiedKeys: [Int32: KeyPress] = [:]
    private var pasting: [UInt32]?
    /// The start of a sequence whose end has not arrived yet.
    private var carry: [RawInput] = []

    public init() {}

    /// `final`: no more input is coming, so a sequence's beginning is taken as the keys it is.
    public mutating func decode(_ newInputs: [RawInput], final: Bool = false) -> [InputEvent] {
        let inputs = carry + newInputs
        carry = []
        var events: [InputEvent] = []
        var index = 0
        while index < inputs.count {
            let input = inputs[index]
            if var paste = pasting {
                // Inside a paste everything is text until ESC [201~.
                if case .character(0x1B) = input {
                    switch Self.match(inputs, at: index + 1, "[201~") {
                    case .whole:
                        events.append(.paste(Self.text(paste)))
                        pasting = nil
                        index += 6
                        continue
                    case .unfinished where !final:
                        carry = Array(inputs[index...])
                        return events
                    case .no, .unfinished: break
                    }
                }
                if case .character(let c) = input { paste.append(c) }
                pasting = paste
                index += 1
                continue
            }
            switch input {
            case .keyCode(let code):
                if let event = keyCodeEvent(code) { events.append(event) }
                index += 1
            case .character(0x1B):
                // A lone ESC at the end is the Esc key: ncurses already waited ESCDELAY for more.
                switch Self.match(inputs, at: index + 1, "[200~", loneIsKey: true) {
                case .whole:
                    pasting = []
                    index += 6
                    continue
                case .unfinished where !final:
                    carry = Array(inputs[index...])
                    return events
                case .no, .unfinished: break
                }
                switch Self.mouseReport(inputs, at: index) {
                case .whole(let event, let length):
                    if let event { Self.append(event, to: &events) }
                    index += length
                    continue
                case .unfinished where !final:
                    carry = Array(inputs[index...])
                    return events
                case .no, .unfinished: break
                }
                if index + 1 < inputs.count, case .character(let next) = inputs[index + 1], next != 0x1B {
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

    /// Whether the last call ended in the middle of a sequence (a paste, or its start).
    public var isWaiting: Bool { pasting != nil || !carry.isEmpty }

    /// Nothing more came: an unfinished sequence was keys after all (Esc, then `[`…), and a
    /// paste whose end never came ends here, as the text it has — never as keys.
    public mutating func flush() -> [InputEvent] {
        if let paste = pasting {
            pasting = nil
            carry = []
            return paste.isEmpty ? [] : [.paste(Self.text(paste))]
        }
        guard !carry.isEmpty else { return [] }
        return decode([], final: true)
    }

    /// A press followed at once by its release (one read) is one click, so a fast tap is never
    /// two events that a handler could see half of.
    static func append(_ event: InputEvent, to events: inout [InputEvent]) {
        if case .mouse(let release) = event, release.kind == .release,
           case .mouse(let press)? = events.last, press.kind == .press, press.x == release.x, press.y == release.y {
            events[events.count - 1] = .mouse(MouseEvent(.click, x: press.x, y: press.y))
            return
        }
        events.append(event)
    }

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

    enum Match { case whole, unfinished, no }

    /// Whether `text` follows at `start`: wholly, only its beginning so far (input ran out), or
    /// not. `loneIsKey`: nothing at all after the ESC is not a beginning.
    static func match(_ inputs: [RawInput], at start: Int, _ text: String, loneIsKey: Bool = false) -> Match {
        if loneIsKey && start >= inputs.count { return .no }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard start + offset < inputs.count else { return .unfinished }
            guard case .character(let c) = inputs[start + offset], c == scalar.value else { return .no }
        }
        return .whole
    }

    enum MouseMatch { case whole(InputEvent?, length: Int), unfinished, no }

    /// `ESC [ < button ; column ; row M` (pressed) or `m` (released), 1-based, SGR mode 1006.
    /// Button 0 is the left button, 64/65 the wheel; +32 marks a drag. Other buttons and drags
    /// are read whole and dropped.
    static func mouseReport(_ inputs: [RawInput], at start: Int) -> MouseMatch {
        switch match(inputs, at: start + 1, "[<", loneIsKey: true) {
        case .no: return .no
        case .unfinished: return .unfinished
        case .whole: break
        }
        var numbers: [Int] = [0]
        var index = start + 3
        while index < inputs.count {
            guard case .character(let c) = inputs[index] else { return .no }
            switch c {
            case 0x30...0x39:
                numbers[numbers.count - 1] = min(numbers[numbers.count - 1] * 10 + Int(c - 0x30), 1_000_000)
            case 0x3B:
                guard numbers.count < 3 else { return .no }
                numbers.append(0)
            case 0x4D, 0x6D:
                guard numbers.count == 3 else { return .no }
                let (button, x, y) = (numbers[0], numbers[1] - 1, numbers[2] - 1)
                let released = c == 0x6D
                let kind: MouseEvent.Kind?
                switch button {
                case 0: kind = released ? .release : .press
                case 64: kind = released ? nil : .wheelUp
                case 65: kind = released ? nil : .wheelDown
                default: kind = nil
                }
                return .whole(kind.map { .mouse(MouseEvent($0, x: max(0, x), y: max(0, y))) }, length: index - start + 1)
            default:
                return .no
            }
            index += 1
        }
        return .unfinished
    }

    static func text(_ scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for value in scalars {
            if let scalar = Unicode.Scalar(value) { view.append(scalar == "\r" ? "\n" : scalar) }
        }
        return String(view)
    }
}
