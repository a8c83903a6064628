import CursesTerminal
import FuzzSupport
import TerminalUI

/// Any input as what ncurses hands the key decoder — characters and key codes, in reads split
/// where the bytes say — then the same input inside a bracketed paste. The decoder must never
/// trap, must end every sequence by `flush`, and a paste must come back whole:
/// - every event count is at most the inputs' (no event made of nothing);
/// - after `flush` nothing is left waiting;
/// - no paste's text holds the paste's end marker (for character input);
/// - text without ESC, pasted, is one `.paste` of exactly that text (a CR as a line break),
///   however the reads split it.
@_cdecl("FuzzKeyDecoder_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}

/// libFuzzer's runtime names this entry point too.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { fuzz(data, size) }

/// Bytes as ncurses input: 0xF0–0xFF and the next byte are a key code (KEY_MIN and up, a mouse,
/// a resize); 0xC0–0xEF and the next byte a scalar beyond ASCII; anything else the byte itself.
/// 0x7F after 0x7F ends a read (the split points).
func inputs(_ bytes: UnsafeBufferPointer<UInt8>) -> [[RawInput]] {
    var reads: [[RawInput]] = [[]]
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        switch byte {
        case 0xF0...0xFF:
            reads[reads.count - 1].append(.keyCode(0o401 + Int32(byte - 0xF0) << 8 + Int32(next)))
            index += 2
        case 0xC0...0xEF:
            let scalar = 0x80 + (UInt32(byte - 0xC0) << 8 | UInt32(next)) * 7
            reads[reads.count - 1].append(.character(Unicode.Scalar(scalar) == nil ? 0xFFFD : scalar))
            index += 2
        case 0x7F where next == 0x7F:
            reads.append([])
            index += 2
        default:
            reads[reads.count - 1].append(.character(UInt32(byte)))
            index += 1
        }
    }
    return reads
}

func decodeAll(_ reads: [[RawInput]]) -> [InputEvent] {
    var decoder = KeyDecoder()
    var events: [InputEvent] = []
    for read in reads { events += decoder.decode(read) }
    events += decoder.flush()
    precondition(!decoder.isWaiting, "still waiting after flush")
    return events
}

func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let reads = inputs(UnsafeBufferPointer(start: data, count: size))
    let total = reads.reduce(0) { $0 + $1.count }
    let events = decodeAll(reads)
    precondition(events.count <= total, "\(events.count) events from \(total) inputs")
    // Key codes inside a paste are dropped (ncurses makes them only of whole sequences, which a
    // paste's text never is): one between the bytes of an end marker could join them, so the
    // marker rule is for character input.
    let keyCodes = reads.joined().contains { if case .keyCode = $0 { true } else { false } }
    for case .paste(let text) in events where !keyCodes {
        precondition(!text.contains("\u{1B}[201~"), "a paste holds its own end marker")
    }
    // The same characters, without ESC, pasted: one paste of exactly them, however split.
    let characters = reads.map { read in read.filter { if case .character(let c) = $0 { c != 0x1B } else { false } } }
    guard characters.contains(where: { !$0.isEmpty }) else { return 0 }
    let start: [RawInput] = [.character(0x1B)] + "[200~".unicodeScalars.map { .character($0.value) }
    let end: [RawInput] = [.character(0x1B)] + "[201~".unicodeScalars.map { .character($0.value) }
    var pasted = characters
    pasted[0] = start + pasted[0]
    pasted[pasted.count - 1] += end
    // A pasted CR is a line break, as terminals send Enter.
    let expected = String(String.UnicodeScalarView(characters.joined().compactMap {
        if case .character(let c) = $0 { c == 0x0D ? "\n" : Unicode.Scalar(c) } else { nil }
    }))
    let decoded = decodeAll(pasted)
    precondition(decoded == [.paste(expected)], "a paste split into \(pasted.count) reads came back as \(decoded)")
    return 0
}
