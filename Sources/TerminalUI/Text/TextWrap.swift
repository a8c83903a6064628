/// Wrapping text to a width in terminal cells.
public enum TextWrap {
    /// At spaces, for prose (a word longer than the width gets a line of its own).
    public static func words(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && DisplayWidth.of(line) + 1 + DisplayWidth.of(String(word)) > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
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
