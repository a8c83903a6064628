import Foundation

/// The rules for text that comes in from outside — an import file, an Invest page, an option:
/// bounded, and free of the characters that would drive a terminal or break a line.
public enum TextFieldRules {
    /// Combining marks on one character: Vietnamese or pointed Hebrew need two or three; a
    /// "character" of thousands is a way to make a 120 KB name count as one.
    public static let maxMarksPerCharacter = 8
    /// Unicode scalars in one character: the longest emoji sequences (a family, a subdivision
    /// flag) are about 7-10.
    public static let maxScalarsPerCharacter = 16

    /// A name: required after trimming, at most `max` characters, no control characters or
    /// line/paragraph separators, and no character built of too many scalars. One pass over the
    /// scalars, Unicode's tables asked only for what is not ASCII: an import checks a million.
    public static func nameProblem(_ raw: String, max: Int) -> String? {
        let name = FastTrim.whitespace(raw)
        if name.isEmpty { return "required: 1–\(max) characters" }
        let bytes = name.utf8.count
        // Printable ASCII of a sane length (nearly every name) needs no Unicode work.
        if bytes <= max && name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        var joins = false
        for scalar in name.unicodeScalars {
            if isForbiddenInName(scalar) { return "must not contain control characters (found \(scalar.codePointLabel))" }
            if scalar.value >= 0x300 && !joins { joins = mayJoin(scalar) }
        }
        // Characters are never more than bytes; what reaches here is bounded already (a record
        // or a JSON text ≤ 1 MB, an argument), so counting them is linear in at most that.
        if bytes > max {
            let count = name.count
            if count > max { return "at most \(max) characters (got \(count))" }
        }
        // Only a scalar that extends or joins a character can make one heavy.
        return joins ? overloadedCharacter(name) : nil
    }

    /// Marks, format characters (joiners, tags, selectors), conjoining jamo, emoji modifiers and
    /// regional indicators: what can make one character of many scalars.
    static func mayJoin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF, 0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF: return true
        // Dashes, quotes, bullets and the like (the "–" of nearly every catalog's names), kana and
        // the common CJK ideographs: none joins, and a million names need not ask Unicode's tables.
        // (U+200B–200F, 202A–202E and 2060– are format characters: they are left to the table.)
        case 0x2010...0x2027, 0x2030...0x205E, 0x3041...0x3096, 0x30A0...0x30FF, 0x4E00...0x9FFF: return false
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
            default: return false
            }
        }
    }

    /// A character carrying more marks or scalars than any script needs.
    static func overloadedCharacter(_ text: String) -> String? {
        for character in text where character.unicodeScalars.count > 2 {
            let scalars = character.unicodeScalars
            let marks = scalars.filter { [.nonspacingMark, .spacingMark, .enclosingMark].contains($0.properties.generalCategory) }.count
            if marks > maxMarksPerCharacter || scalars.count > maxScalarsPerCharacter {
                return "a character with \(scalars.count) code points (\(marks) combining marks): at most \(maxMarksPerCharacter) marks on one character"
            }
        }
        return nil
    }

    /// Control characters (C0, DEL, C1) and the line and paragraph separators, which would break
    /// a name across lines in a terminal, a CSV file or a tag's comment.
    static func isForbiddenInName(_ s: Unicode.Scalar) -> Bool {
        // The control category is exactly C0, DEL and C1: no table needed.
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s == "\u{2028}" || s == "\u{2029}"
    }

    /// Plain text that is no name (a code of an advertiser, publisher, placement or payment
    /// rule): at most `max` characters, no control or format characters (bidi overrides,
    /// zero-width ones) — such a code is matched and compared, never read for its looks.
    public static func plainProblem(_ text: String, max: Int) -> String? {
        if text.utf8.count <= max && text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        if text.unicodeScalars.count > max * 4 || text.count > max { return "at most \(max) characters" }
        if let bad = text.unicodeScalars.first(where: {
            isForbiddenInName($0) || $0.properties.generalCategory == .format
        }) {
            return "must not contain control or format characters (found \(bad.codePointLabel))"
        }
        return overloadedCharacter(text)
    }

    /// A value from a fixed vocabulary the API defines (`standard_v2`, `cpm`): letters, digits,
    /// `_` and `-`, at most `max`.
    public static func tokenProblem(_ text: String, max: Int = 64) -> String? {
        if text.isEmpty || text.utf8.count > max { return "expected a word of 1–\(max) letters, digits, _ or - (got \(text.utf8.count) bytes)" }
        // Every allowed character is one ASCII byte: the bytes decide, without decoding scalars.
        if text.utf8.allSatisfy({ $0 < 0x80 && isTokenByte($0) }) { return nil }
        if let bad = text.unicodeScalars.first(where: { !(isASCIIAlphanumeric($0) || $0 == "_" || $0 == "-") }) {
            return "expected letters, digits, _ or - (found \(bad.codePointLabel))"
        }
        return nil
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// An ISO 4217 currency: three letters.
    public static func currencyProblem(_ text: String) -> String? {
        text.unicodeScalars.count == 3 && text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) })
            ? nil : "expected a three-letter currency code such as USD (got “\(TerminalSafe.clip(text, 20))”)"
    }

    /// `YYYY-MM-DD HH:MM:SS` (UTC, as the API writes times), a real date and time; `dateAlone`
    /// also takes `YYYY-MM-DD`.
    public static func timestampProblem(_ text: String, dateAlone: Bool = false) -> String? {
        let expected = dateAlone ? "YYYY-MM-DD or YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD HH:MM:SS"
        // The bytes in place (an import checks two dates on each of a million rows).
        var bytes = text
        return bytes.withUTF8 { dateProblem($0, text: text, dateAlone: dateAlone, expected: expected) }
    }

    private static func dateProblem(_ bytes: UnsafeBufferPointer<UInt8>, text: String, dateAlone: Bool, expected: String) -> String? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, bytes[range].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard bytes.count == 19 || (dateAlone && bytes.count == 10), bytes[4] == 0x2D, bytes[7] == 0x2D,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
            return "expected a date \(expected) (got “\(TerminalSafe.clip(text, 30))”)"
        }
        if bytes.count == 10 { return nil }
        guard bytes[10] == 0x20, bytes[13] == 0x3A, bytes[16] == 0x3A, let hour = number(11..<13), let minute = number(14..<16),
              let second = number(17..<19), hour < 24, minute < 60, second < 60 else {
            return "expected a date \(expected) (got “\(TerminalSafe.clip(text, 30))”)"
        }
        return nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(s) || ("a"..."z").contains(s) || ("0"..."9").contains(s)
    }
}
