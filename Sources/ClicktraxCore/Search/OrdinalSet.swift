/// A set of line item ordinals (positions in name order) as a bitmap: a million line items are
/// 125 KB, and a union or an intersection is one pass over the words, whatever the counts.
/// Iterating a set yields ordinals in ascending order, which is name order.
struct OrdinalSet: Sendable {
    private(set) var words: [UInt64]
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    /// A set stored as its raw bitmap (see `PostingList`).
    init(capacity: Int, words: [UInt64]) {
        self.capacity = capacity
        self.words = words
    }

    mutating func insert(_ ordinal: UInt32) {
        words[Int(ordinal >> 6)] |= 1 << UInt64(ordinal & 63)
    }

    func contains(_ ordinal: UInt32) -> Bool {
        words[Int(ordinal >> 6)] & (1 << UInt64(ordinal & 63)) != 0
    }

    mutating func formUnion(_ other: OrdinalSet) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for index in 0..<mine.count { mine[index] |= theirs[index] }
            }
        }
    }

    mutating func formIntersection(_ other: OrdinalSet) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for index in 0..<mine.count { mine[index] &= theirs[index] }
            }
        }
    }

    mutating func subtract(_ other: OrdinalSet) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for index in 0..<mine.count { mine[index] &= ~theirs[index] }
            }
        }
    }

    var isEmpty: Bool { !words.contains { $0 != 0 } }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Calls `body` with each ordinal in ascending order until it returns false.
    func forEach(while body: (UInt32) -> Bool) {
        for (index, var word) in words.enumerated() where word != 0 {
            while word != 0 {
                let bit = word.trailingZeroBitCount
                if !body(UInt32(index * 64 + bit)) { return }
                word &= word - 1
            }
        }
    }
}
