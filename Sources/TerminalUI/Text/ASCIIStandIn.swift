import Foundation

/// What a frame looks like in a terminal whose locale is not UTF-8 (`LANG=C`, `LC_ALL=POSIX`):
/// ncurses can only show ASCII there, and drew every other character as a blank — "Zürich"
/// became "Zrich", CJK names vanished. Each cell gets an ASCII stand-in of the same width, so
/// columns stay where they were: accents folded ("Zurich", "Cafe Ole"), box drawing, arrows,
/// dashes and quotes as their ASCII look-alikes, `…` as `...`, a wide character as `??`, and
/// `?` for anything else.
public enum ASCIIStandIn {
    /// The frame with every cell ASCII. Pure: the backend diffs the stand-in frames, so what
    /// the terminal shows is always exactly the last one.
    public static func frame(_ buffer: ScreenBuffer) -> ScreenBuffer {
        var result = buffer
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.character.isASCII && cell.width == 1 { continue }
                if cell.isContinuation {
                    result[x, y] = Cell("?", style: cell.style, width: 1, role: cell.role)
                } else if cell.width == 2 {
                    result[x, y] = Cell("?", style: cell.style, width: 1, role: cell.role)
                } else if cell.character == "…" {
                    result[x, y] = Cell(".", style: cell.style, width: 1, role: cell.role)
                    spreadEllipsis(from: x, y: y, original: buffer, into: &result)
                } else {
                    result[x, y] = Cell(character(for: cell.character), style: cell.style, width: 1, role: cell.role)
                }
            }
        }
        return result
    }

    /// `…` takes three cells as `...`: the two blanks after it when they are free (a message
    /// ending in "…"), else the two cells before it of the same text (a cut table cell keeps
    /// its column: "Holiday C…" becomes "Holiday..."), else it stays one `.`.
    private static func spreadEllipsis(from x: Int, y: Int, original: ScreenBuffer, into result: inout ScreenBuffer) {
        let cell = original[x, y]
        let after = [x + 1, x + 2]
        let before = [x - 1, x - 2]
        func free(_ column: Int) -> Bool {
            column >= 0 && column < original.width && original[column, y].character == " " && original[column, y].width == 1
                && (original[column, y].role == nil || original[column, y].role == cell.role)
        }
        func sameText(_ column: Int) -> Bool {
            column >= 0 && original[column, y].width == 1 && original[column, y].role == cell.role
        }
        let columns = after.allSatisfy(free) ? after : before.allSatisfy(sameText) ? before : []
        for column in columns {
            result[column, y] = Cell(".", style: original[column, y].style, width: 1, role: original[column, y].role)
        }
    }

    /// One cell's ASCII stand-in.
    public static func character(for character: Character) -> Character {
        if character.isASCII { return character }
        if let known = lookAlikes[character] { return known }
        // Accents and other marks: the base letter ("ü" → "u", "Ő" → "O", "ñ" → "n").
        let folded = String(character).decomposedStringWithCompatibilityMapping.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        if folded.count == 1, let scalar = folded.first { return Character(scalar) }
        return "?"
    }

    /// Letters that do not decompose, and the symbols the screens draw.
    static let lookAlikes: [Character: Character] = {
        var table: [Character: Character] = [
            "ß": "s", "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
            "ð": "d", "Ð": "D", "þ": "t", "Þ": "T", "ı": "i", "ħ": "h", "Ħ": "H",
            "\u{00A0}": " ", "—": "-", "–": "-", "‐": "-", "‑": "-", "−": "-", "‘": "'", "’": "'", "‚": "'", "′": "'",
            "“": "\"", "”": "\"", "„": "\"", "″": "\"", "«": "<", "»": ">", "‹": "<", "›": ">",
            "·": ".", "•": "*", "●": "*", "○": "o", "◦": "o", "×": "x", "÷": "/", "≠": "#", "§": "S", "°": "o",
            "©": "c", "®": "r", "€": "E", "£": "L", "¥": "Y", "¢": "c",
            "←": "<", "→": ">", "↑": "^", "↓": "v", "↳": ">", "▲": "^", "▼": "v", "▾": "v", "▴": "^", "▸": ">", "◂": "<",
            "✓": "+", "✔": "+", "✖": "x", "✗": "x", "⚠": "!", "\u{FFFD}": "?",
            "▁": "_", "▂": "_", "▃": "=", "▄": "=", "▅": "#", "▆": "#", "▇": "#", "█": "#", "▌": "#", "▐": "#",
            "░": ":", "▒": "#", "▓": "#", "▀": "#",
        ]
        // Box drawing (U+2500…U+257F): lines as - and |, every corner and junction as +.
        for value in 0x2500...0x257F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let name = scalar.properties.name ?? ""
            let stand: Character = name.contains("HORIZONTAL") && !name.contains("VERTICAL") && !name.contains("AND") ? "-"
                : name.contains("VERTICAL") && !name.contains("HORIZONTAL") && !name.contains("AND") ? "|" : "+"
            table[Character(scalar)] = stand
        }
        return table
    }()
}
