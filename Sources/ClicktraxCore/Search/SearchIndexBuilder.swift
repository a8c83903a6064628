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
        /// In vocabulary order; nil for a term in one name only, which `singles` holds instead.
        var postings: [PostingList?]
        /// In vocabulary order: the one ordinal of a term in a single name, else `noSingle`.
        /// Catalogs whose names carry an IO number or an ID have a million such terms; keeping
        /// them in one array spares a database read per term when a query matches thousands.
        var singles: [UInt32]
        /// Ordinal → line item id.
        var ids: [Int64]
    }

    static let noSingle = UInt32.max

    private var arena: [UInt8] = []
    /// Each term's (start, length) in `arena`, by term number in order of first sight.
    private var spans: [(start: Int, length: Int)] = []
    private var postings: [[UInt32]] = []
    /// Open addressing: term number + 1, or 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 1 << 12)
    private(set) var ids: [Int64] = []

    mutating func add(id: Int64, folded name: UnsafeBufferPointer<UInt8>) {
        let ordinal = UInt32(ids.count)
        ids.append(id)
        SearchTerms.forEach(in: name) { range in
            let term = intern(UnsafeBufferPointer(rebasing: name[range]))
            // A term twice in one name ("–") is one posting.
            if postings[term].last != ordinal { postings[term].append(ordinal) }
        }
    }

    func finish() -> Built {
        let order = spans.indices.sorted { lhs, rhs in
            arena.withUnsafeBufferPointer { bytes in
                let a = spans[lhs], b = spans[rhs]
                return UnsafeBufferPointer(rebasing: bytes[a.start..<a.start + a.length])
                    .lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: bytes[b.start..<b.start + b.length]))
            }
        }
        var vocabulary: [UInt8] = []
        vocabulary.reserveCapacity(arena.count + spans.count)
        for term in order {
            vocabulary.append(contentsOf: arena[spans[term].start..<spans[term].start + spans[term].length])
            vocabulary.append(0x0A)
        }
        return Built(
            vocabulary: vocabulary,
            postings: order.map { postings[$0].count == 1 ? nil : PostingList.make(postings[$0], capacity: ids.count) },
            singles: order.map { postings[$0].count == 1 ? postings[$0][0] : Self.noSingle },
            ids: ids)
    }

    private mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        var slot = Int(truncatingIfNeeded: Self.hash(term)) & (slots.count - 1)
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            let span = spans[number]
            if span.length == term.count && arena.withUnsafeBufferPointer({
                UnsafeBufferPointer(rebasing: $0[span.start..<span.start + span.length]).elementsEqual(term)
            }) {
                return number
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let number = spans.count
        spans.append((arena.count, term.count))
        arena.append(contentsOf: term)
        postings.append([])
        slots[slot] = Int32(number + 1)
        if spans.count * 2 > slots.count { grow() }
        return number
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (number, span) in spans.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.hash(arena[span.start..<span.start + span.length])) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(number + 1)
        }
    }

    /// FNV-1a: short keys, cheap and well spread.
    @inline(__always)
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
