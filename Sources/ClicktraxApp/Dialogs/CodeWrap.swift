import TerminalUI

/// Text wrapped hard at a width, for code views: a tag's long URL is shown whole, over several
/// lines, never cut off.
enum CodeWrap {
    static func lines(_ text: String, width: Int) -> [String] {
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
