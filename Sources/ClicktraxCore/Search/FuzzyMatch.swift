/// The fallback when no name holds every query word: each word's letters in order, with gaps
/// allowed ("wnk hldy" finds "wonka holiday"), scored the way fzf's v1 algorithm scores — the
/// tightest occurrence, rewarding letters that start words or follow each other, penalising gaps.
/// `LineItemSearchIndex.fuzzyRank` applies it to the terms of the names.
enum FuzzyMatch {
    static let letterScore = 16
    static let wordStartBonus = 8
    static let consecutiveBonus = 4
    static let gapStartPenalty = 3
    static let gapPenalty = 1

    /// The summed score of every word in `text` (both folded), or nil when any word is missing.
    static func score(words: [[Unicode.Scalar]], in text: [Unicode.Scalar]) -> Int? {
        var total = 0
        for word in words {
            guard let score = score(word, in: text) else { return nil }
            total += score
        }
        return total
    }

    static func score(_ pattern: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int? {
        guard !pattern.isEmpty else { return 0 }
        // Forward: where the first complete occurrence ends.
        var matched = 0
        var end = -1
        for (index, scalar) in text.enumerated() where scalar == pattern[matched] {
            matched += 1
            if matched == pattern.count { end = index; break }
        }
        guard end >= 0 else { return nil }
        // Backward from there: the latest start, so the occurrence is as tight as it gets.
        var start = end
        var remaining = pattern.count - 1
        while remaining > 0 {
            start -= 1
            if text[start] == pattern[remaining - 1] { remaining -= 1 }
        }
        var score = 0
        var next = 0
        var previousMatch = -2
        var inGap = false
        for index in start...end {
            if next < pattern.count && text[index] == pattern[next] {
                score += letterScore
                if index == 0 || !isWordCharacter(text[index - 1]) { score += wordStartBonus }
                if previousMatch == index - 1 { score += consecutiveBonus }
                previousMatch = index
                next += 1
                inGap = false
            } else {
                score -= inGap ? gapPenalty : gapStartPenalty
                inGap = true
            }
        }
        return score
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
