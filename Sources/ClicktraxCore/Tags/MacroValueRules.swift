/// What a macro's value may be (RULES.md §3):
/// - every macro: Invest's placeholder, or the ad server's own macro — `%%NAME%%`, `${NAME}`,
///   `[NAME]`, `{{NAME}}` or `[%NAME%]`, NAME of letters, digits and `_ . : -`, or Campaign
///   Manager 360's one-letter forms (`%n` its random number, `%c` its click string);
/// - ANCOST also a literal cost: a number from 0 to 999999.999999 with at most 6 decimals;
/// - REDIRECT_URL also an absolute http(s) URL (the Landing Page URL rules), optionally after
///   an ad server's click macro (`%%CLICK_URL_UNESC%%https://…`), or nothing: an empty `redir=`,
///   last, that the ad server appends the landing page to (CM360's click-through event tag).
/// Nothing else: a value that could end an attribute, add a parameter or open markup is refused.
public enum MacroValueRules {
    public static let maxMacroLength = 100

    /// Nil when `value` is acceptable for `macro`, else what was expected.
    public static func problem(_ value: String, for macro: TrackerMacro) -> String? {
        if isAdServerMacro(value) { return nil }
        if value.isEmpty && macro == .redirectURL { return nil }
        switch macro {
        case .cachebuster:
            return "expected \(macro.placeholder) or an ad server macro such as %%CACHEBUSTER%% (got \(quoted(value)))"
        case .ancost:
            if isCostLiteral(value) { return nil }
            return "expected \(macro.placeholder), an ad server macro such as %%COST%%, or a number from 0 to "
                + "999999.999999 with at most 6 decimals (got \(quoted(value)))"
        case .redirectURL:
            let url = String(value.dropFirst(leadingMacroLength(value)))
            if let urlProblem = LandingPageURL.problem(url) {
                return "expected \(macro.placeholder), an ad server macro such as %%CLICK_URL_UNESC%%, or an absolute "
                    + "http(s) URL: \(urlProblem)"
            }
            return nil
        }
    }

    /// One whole macro token of the forms above.
    public static func isAdServerMacro(_ value: String) -> Bool {
        !value.isEmpty && leadingMacroLength(value) == value.utf8.count
    }

    /// How many bytes at the start of `value` are macro tokens.
    static func leadingMacroLength(_ value: String) -> Int {
        let bytes = Array(value.utf8)
        var position = 0
        while position < bytes.count, let length = macroToken(bytes, at: position) { position += length }
        return position
    }

    private static let forms: [(open: [UInt8], close: [UInt8])] = [
        (Array("%%".utf8), Array("%%".utf8)), (Array("${".utf8), Array("}".utf8)),
        (Array("{{".utf8), Array("}}".utf8)), (Array("[%".utf8), Array("%]".utf8)), (Array("[".utf8), Array("]".utf8)),
    ]

    private static func macroToken(_ bytes: [UInt8], at start: Int) -> Int? {
        // CM360's `%n`, `%c`: a percent sign and one letter (not the start of `%%NAME%%`).
        if bytes[start] == UInt8(ascii: "%"), start + 1 < bytes.count, isLetter(bytes[start + 1]) { return 2 }
        for form in forms {
            guard bytes[start...].starts(with: form.open) else { continue }
            var index = start + form.open.count
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart, index - start <= maxMacroLength, bytes[index...].starts(with: form.close) else { continue }
            return index + form.close.count - start
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    /// `0`, `12.5`, `999999.999999`: digits, at most one point, at most 6 decimals, ≤ 999999.999999.
    static func isCostLiteral(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 6,
              whole.allSatisfy(\.isASCIIDigit)
        else { return false }
        if parts.count == 2 {
            let decimals = parts[1]
            guard !decimals.isEmpty, decimals.count <= 6, decimals.allSatisfy(\.isASCIIDigit) else { return false }
        }
        return true
    }

    static func quoted(_ value: String) -> String {
        let shown = value.count > 60 ? String(value.prefix(57)) + "…" : value
        return "“" + shown.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : String($0) }.joined() + "”"
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
