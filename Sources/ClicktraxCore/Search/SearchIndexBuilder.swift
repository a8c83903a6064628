import Foundation

/// Builds the line item search index from every (id, folded name), fed in name order: each
/// line item's place in that order is its ordinal, so every posting list comes out sorted and
/// results iterate in name order for free.
///
/// A million names hold some ten million term occurrences, so terms are interned in a hash
/// table of its own over one byte arena — no String or Array per occurrence.
struct SearchIndexBuilder {
    /// The finished index, ready to store.
    struct Built {
        var vocabulary: [UInt8]
        /// (term number in the vocabulary, its list), for the terms in more than one name; the
        /// others are in `singles`.
        var postings: [(term: Int, list: PostingList)]
        /// In vocabulary order: the one ordinal of a term in a single name, else `noSingle`.
        /// Catalogs whose names carry an IO number or an ID have a million such terms; keeping
        /// them in one array spares a database read per term when a query matches thousands.
        var singles: [UInt32]
        /// Ordinal → line item id.
        var ids: [Int64]
    }

    static let noSingle = UInt32.max

    private var arena: [UInt8] = []
    /// Where each term starts in `arena`, by term number in order of first sight (terms are
    /// appended in that order, so a term ends where the next starts); one more at the end.
    private var starts: [UInt32] = [0]
    /// Each term's first posting; a list in `more` only once it has a second (most terms of a
    /// catalog with IDs in its names never do, and a million small arrays cost ~50 MB).
    private var first: [UInt32] = []
    private var more: [Int32] = []
    private var lists: [[UInt32]] = []
    /// Open addressing: term number + 1, or 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 1 << 12)
    private(set) var ids: [Int64] = []

    mutating func add(id: Int64, folded name: UnsafeBufferPointer<UInt8>) {
        let ordinal = UInt32(ids.count)
        ids.append(id)
        SearchTerms.forEach(in: name) { range in
            let term = intern(UnsafeBufferPointer(rebasing: name[range]), ordinal: ordinal)
            // A term twice in one name ("–") is one posting.
            if more[term] < 0 {
                if first[term] != ordinal {
                    more[term] = Int32(lists.count)
                    lists.append([first[term], ordinal])
                }
            } else if lists[Int(more[term])].last != ordinal {
                lists[Int(more[term])].append(ordinal)
            }
        }
    }

    /// Consumes the builder's lists as it converts them, so the two forms are not both held.
    mutating func finish() -> Built {
        let order = arena.withUnsafeBufferPointer { bytes in
            (0..<termCount).sorted { lhs, rhs in
                UnsafeBufferPointer(rebasing: bytes[span(lhs)]).lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: bytes[span(rhs)]))
            }
        }
        var vocabulary: [UInt8] = []
        vocabulary.reserveCapacity(arena.count + termCount)
        for term in order {
            vocabulary.append(contentsOf: arena[span(term)])
            vocabulary.append(0x0A)
        }
        var postings: [(term: Int, list: PostingList)] = []
        for (place, term) in order.enumerated() where more[term] >= 0 {
            postings.append((place, PostingList.make(lists[Int(more[term])], capacity: ids.count)))
            lists[Int(more[term])] = []
        }
        return Built(
            vocabulary: vocabulary, postings: postings,
            singles: order.map { more[$0] < 0 ? first[$0] : Self.noSingle }, ids: ids)
    }

    /// The term's number; a new term gets `ordinal` as its first posting.
    private mutating func intern(_ term: UnsafeBufferPointer<UInt8>, ordinal: UInt32) -> Int {
        var slot = Int(truncatingIfNeeded: Self.hash(term)) & (slots.count - 1)
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            let span = span(number)
            if span.count == term.count && arena.withUnsafeBufferPointer({ memcmp($0.baseAddress! + span.lowerBound, term.baseAddress!, term.count) == 0 }) {
                return number
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let number = termCount
        arena.append(contentsOf: term)
        starts.append(UInt32(arena.count))
        first.append(ordinal)
        more.append(-1)
        slots[slot] = Int32(number + 1)
        if termCount * 2 > slots.count { grow() }
        return number
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for number in 0..<termCount {
            var slot = Int(truncatingIfNeeded: Self.hash(arena[span(number)])) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(number + 1)
        }
    }

    private var termCount: Int { starts.count - 1 }

    private func span(_ term: Int) -> Range<Int> { Int(starts[term])..<Int(starts[term + 1]) }

    /// FNV-1a: short keys, cheap and well spread.
    @inline(__always)
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
