/// Wrapping text to a width in terminal cells.
public enum TextWrap {
    /// At spaces, for prose; a word longer than the width (a path, a URL) is broken at the width
    /// over lines of its own, so nothing is ever cut off.
    public static func words(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            var word = String(word)
            if DisplayWidth.of(word) > width {
                if !line.isEmpty { lines.append(line) }
                let pieces = hard(word, width: width)
                lines += pieces.dropLast()
                line = pieces.last ?? ""
                continue
            }
            if !line.isEmpty && DisplayWidth.of(line) + 1 + DisplayWidth.of(word) > width {
                lines.append(line)
                line = ""
            }
            if !line.isEmpty { word = " " + word }
            line += word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Hard, at the width, for code and paths: a tag's long URL is shown whole, over several
    /// lines, never cut off.
    public static func hard(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            var used = 0
            for character in line {
                let w = DisplayWidth.of(character)
                if used + w > width { result.append(current); current = ""; used = 0 }
                current.append(character)
                used += w
            }
            result.append(current)
        }
        if result.last == "" { result.removeLast() }
        return result
    }
}
