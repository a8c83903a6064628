import Foundation

/// Every distinct term of the line item names, sorted bytewise, in one buffer with a newline after
/// each. Finding the terms that contain a query word is then one scan over a few
/// megabytes at most, however many line items share those terms.
struct SearchVocabulary: Sendable {
    /// The terms, each followed by "\n" (terms never hold white space).
    let bytes: [UInt8]
    /// Where each term starts in `bytes`; a term's number is its place here.
    let starts: [UInt32]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [UInt32] = []
        var next = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            starts.append(UInt32(next))
            next = index + 1
        }
        self.starts = starts
    }

    var count: Int { starts.count }

    /// The terms holding `word`: those where it starts a word (at the term's start or after
    /// punctuation) and those where it is only inside one.
    func terms(containing word: [UInt8]) -> (startingWord: [Int], inside: [Int]) {
        var startingWord: [Int] = []
        var inside: [Int] = []
        guard !word.isEmpty, !bytes.isEmpty else { return ([], []) }
        bytes.withUnsafeBufferPointer { haystack in
            word.withUnsafeBufferPointer { needle in
                var position = 0
                var term = 0
                while let offset = Self.find(needle, in: haystack, from: position) {
                    // Matches come in increasing offsets, so the term number only moves forward.
                    while term + 1 < starts.count && Int(starts[term + 1]) <= offset { term += 1 }
                    let termStart = Int(starts[term])
                    let termEnd = term + 1 < starts.count ? Int(starts[term + 1]) - 1 : haystack.count - 1
                    let termBytes = UnsafeBufferPointer(rebasing: haystack[termStart..<termEnd])
                    if SearchTerms.startsWord(at: offset - termStart, in: termBytes)
                        || Self.startsWordLater(needle, in: termBytes, after: offset - termStart) {
                        startingWord.append(term)
                    } else {
                        inside.append(term)
                    }
                    position = termEnd + 1
                }
            }
        }
        return (startingWord, inside)
    }

    /// The terms holding `pattern`'s letters in order (see `FuzzyMatch`), best score first.
    func fuzzyTerms(_ pattern: [Unicode.Scalar]) -> [(term: Int, score: Int)] {
        var found: [(term: Int, score: Int)] = []
        let patternBytes = Array(String(String.UnicodeScalarView(pattern)).utf8)
        bytes.withUnsafeBufferPointer { all in
            for term in 0..<starts.count {
                let start = Int(starts[term])
                let end = term + 1 < starts.count ? Int(starts[term + 1]) - 1 : all.count - 1
                // Letters in order imply their bytes in order: most terms are ruled out here,
                // without decoding them (a million ID-like terms take a few milliseconds).
                var next = 0
                for index in start..<end where next < patternBytes.count && all[index] == patternBytes[next] { next += 1 }
                guard next == patternBytes.count else { continue }
                let scalars = Array(String(decoding: UnsafeBufferPointer(rebasing: all[start..<end]), as: UTF8.self).unicodeScalars)
                if let score = FuzzyMatch.score(pattern, in: scalars) { found.append((term, score)) }
            }
        }
        return found.sorted { $0.score > $1.score }
    }

    /// Whether `needle` occurs again in `term` after `first`, starting a word there.
    private static func startsWordLater(_ needle: UnsafeBufferPointer<UInt8>, in term: UnsafeBufferPointer<UInt8>, after first: Int) -> Bool {
        var offset = first + 1
        while let at = find(needle, in: term, from: offset) {
            if SearchTerms.startsWord(at: at, in: term) { return true }
            offset = at + 1
        }
        return false
    }

    /// Where `needle` next occurs in `haystack` at or after `start`: `memchr` for its first byte
    /// (vectorised in the C library), then a compare.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = haystack.baseAddress, let needleBase = needle.baseAddress, !needle.isEmpty else { return nil }
        var position = start
        let last = haystack.count - needle.count
        while position <= last {
            guard let hit = memchr(base + position, Int32(needleBase[0]), last - position + 1) else { return nil }
            let offset = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
            if memcmp(base + offset, needleBase, needle.count) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }
}
