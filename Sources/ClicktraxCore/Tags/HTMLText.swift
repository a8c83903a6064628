/// Making data safe at its place in HTML (RULES.md §3: "data must never escape its place").
enum HTMLText {
    /// Text for inside `<!-- … -->`: control characters become spaces, `<` and `>` become the
    /// look-alike `‹` `›`, and runs of hyphens collapse to one, so the comment can neither be
    /// closed early (`-->`, `--!>`) nor open markup.
    static func commentSafe(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var lastWasHyphen = false
        for scalar in text.unicodeScalars {
            var out = scalar
            switch scalar {
            case "<": out = "\u{2039}"
            case ">": out = "\u{203A}"
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" { out = " " }
            }
            if out == "-" {
                if lastWasHyphen { continue }
                lastWasHyphen = true
            } else {
                lastWasHyphen = false
            }
            result.append(out)
        }
        return String(result)
    }

    /// Text for between tags (`<a>…</a>`): `& < > " '` escaped, control characters as spaces.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                result.unicodeScalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
            }
        }
        return result
    }

    /// A URL for a double-quoted attribute. The URL's parts are validated so it holds no `"`,
    /// `<`, `>` or white space; what remains is `&`. With `escapeAll` every `&` is `&amp;`.
    /// Otherwise `&` stays raw as Invest writes it, except where a browser (or a lax parser)
    /// would read it as a character reference — `&#…`, `&name;`, or `&` before a name that
    /// starts with one of HTML's legacy entities (`&copy`, `&not`, `&lt`…) — so both ways reach
    /// the same URL.
    static func attributeURL(_ url: String, escapeAll: Bool) -> String {
        let bytes = Array(url.utf8)
        var result = [UInt8]()
        result.reserveCapacity(bytes.count + 16)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "&") && (escapeAll || wouldBeReadAsReference(bytes, ampersandAt: index)) {
                result += Array("&amp;".utf8)
            } else if byte == UInt8(ascii: "\"") {
                result += Array("&quot;".utf8) // unreachable for validated URLs; a second guard
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func wouldBeReadAsReference(_ bytes: [UInt8], ampersandAt index: Int) -> Bool {
        var end = index + 1
        guard end < bytes.count else { return false }
        if bytes[end] == UInt8(ascii: "#") { return true }
        while end < bytes.count, isAlphanumeric(bytes[end]) { end += 1 }
        guard end > index + 1 else { return false }
        if end < bytes.count && bytes[end] == UInt8(ascii: ";") { return true }
        let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        return legacyEntityNames.contains { name.hasPrefix($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The named references HTML decodes even without a `;` (the WHATWG "legacy" list).
    static let legacyEntityNames: [String] = [
        "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil", "ETH", "Eacute",
        "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde", "Oacute", "Ocirc",
        "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN", "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute",
        "aacute", "acirc", "acute", "aelig", "agrave", "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil",
        "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc", "egrave", "eth", "euml", "frac12", "frac14",
        "frac34", "gt", "iacute", "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr", "micro",
        "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf", "ordm", "oslash", "otilde", "ouml",
        "para", "plusmn", "pound", "quot", "raquo", "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn",
        "times", "uacute", "ucirc", "ugrave", "uml", "uuml", "yacute", "yen", "yuml",
    ]
}
