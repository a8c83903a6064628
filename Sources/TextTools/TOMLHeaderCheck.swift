/// toml++ (inside TOMLKit) stops the whole process — a failed assertion, in release builds too —
/// on a table header whose name starts with anything but a key character or a quote (`[,`,
/// `[ é`, `[` then a line break), instead of reporting an error. `scripts/fuzz` found it with a
/// config file of `[,`. This finds such a header first, so it is reported like any other mistake.
/// It reads just enough TOML to know where a header can be: at the start of a line, outside
/// strings, comments, arrays and inline tables. The long fuzz run found a second stop of the same
/// kind — an array whose next value is a `}` (`x = [1,}`, `x = [}`) — which it finds too.
public enum TOMLHeaderCheck {
    /// The first such header's line (1-based) and what is wrong, or nil.
    public static func problem(in text: String) -> (line: Int, message: String)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        var atLineStart = true
        var containers: [Unicode.Scalar] = [] // the arrays and inline tables a value is inside
        var awaitingArrayValue = false
        var inHeader = false
        func next(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        func skip(until end: String, escapes: Bool) {
            let end = Array(end.unicodeScalars)
            while index < scalars.count {
                if escapes && scalars[index] == "\\" { index += 2; continue }
                if scalars[index] == "\n" { line += 1; if end.count == 1 { index += 1; return } }
                if Array(scalars[index..<min(scalars.count, index + end.count)]) == end { index += end.count; return }
                index += 1
            }
        }
        while let scalar = next() {
            switch scalar {
            case "\n":
                line += 1
                atLineStart = true
                index += 1
            case " ", "\t", "\r", "\u{FEFF}": // a byte order mark, which toml++ skips
                index += 1
            case "#":
                while let c = next(), c != "\n" { index += 1 }
            case "\"", "'":
                awaitingArrayValue = false
                let triple = next(1) == scalar && next(2) == scalar
                index += triple ? 3 : 1
                skip(until: triple ? String(repeating: String(scalar), count: 3) : String(scalar), escapes: scalar == "\"")
                atLineStart = false
            case "[" where atLineStart && containers.isEmpty && !inHeader:
                index += next(1) == "[" ? 2 : 1
                while let c = next(), c == " " || c == "\t" { index += 1 }
                if let first = next(), first != "]", first != "\"", first != "'", !isBareKeyScalar(first) {
                    return (line, "a table name must start with a letter, a digit, “_”, “-” or a quote (got \(describe(first)))")
                }
                inHeader = true
                atLineStart = false
            case "]" where inHeader:
                inHeader = false
                index += 1
            case "[", "{":
                containers.append(scalar)
                awaitingArrayValue = scalar == "["
                index += 1
                atLineStart = false
            case "]", "}":
                if scalar == "}" && awaitingArrayValue && containers.last == "[" {
                    return (line, "an array cannot go on with “}” (a value or “]” expected)")
                }
                if !containers.isEmpty { containers.removeLast() }
                awaitingArrayValue = false
                index += 1
                atLineStart = false
            case ",":
                awaitingArrayValue = containers.last == "["
                index += 1
                atLineStart = false
            default:
                awaitingArrayValue = false
                index += 1
                atLineStart = false
            }
        }
        return nil
    }

    static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        scalar == "\n" ? "the end of the line" : scalar.properties.isWhitespace || scalar.value < 0x20 ? "U+\(String(scalar.value, radix: 16, uppercase: true))" : "“\(scalar)”"
    }
}
