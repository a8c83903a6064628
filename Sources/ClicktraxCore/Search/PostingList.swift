/// The line items (by ordinal) whose name holds one term. Rare terms keep a sorted list of
/// ordinals; a term in more than one name in 32 keeps a bitmap instead, which is then both
/// smaller and faster to merge ("2026" or "–" are in nearly every name of a real catalog).
enum PostingList: Sendable {
    case ordinals([UInt32])
    case bitmap([UInt64])

    static func make(_ ordinals: [UInt32], capacity: Int) -> PostingList {
        guard ordinals.count * 32 > capacity else { return .ordinals(ordinals) }
        var set = OrdinalSet(capacity: capacity)
        for ordinal in ordinals { set.insert(ordinal) }
        return .bitmap(set.words)
    }

    func add(to set: inout OrdinalSet) {
        switch self {
        case .ordinals(let ordinals): for ordinal in ordinals { set.insert(ordinal) }
        case .bitmap(let words): set.formUnion(OrdinalSet(capacity: set.capacity, words: words))
        }
    }

    func forEach(_ body: (UInt32) -> Void) {
        switch self {
        case .ordinals(let ordinals): for ordinal in ordinals { body(ordinal) }
        case .bitmap(let words): OrdinalSet(capacity: words.count * 64, words: words).forEach { body($0); return true }
        }
    }

    /// Bytes held, for the cache's budget.
    var byteCount: Int {
        switch self {
        case .ordinals(let ordinals): ordinals.count * 4
        case .bitmap(let words): words.count * 8
        }
    }

    // MARK: Stored form: a tag byte, then little-endian UInt32 ordinals or UInt64 words.

    var encoded: [UInt8] {
        var bytes: [UInt8]
        switch self {
        case .ordinals(let ordinals):
            bytes = [0]
            bytes.reserveCapacity(1 + ordinals.count * 4)
            for ordinal in ordinals { withUnsafeBytes(of: ordinal.littleEndian) { bytes.append(contentsOf: $0) } }
        case .bitmap(let words):
            bytes = [1]
            bytes.reserveCapacity(1 + words.count * 8)
            for word in words { withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) } }
        }
        return bytes
    }

    /// Nil when the bytes are not a posting list (a damaged index is rebuilt, not trusted).
    static func decode(_ bytes: UnsafeRawBufferPointer, capacity: Int) -> PostingList? {
        guard let tag = bytes.first else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
        switch tag {
        case 0 where body.count % 4 == 0:
            let ordinals = (0..<body.count / 4).map { UInt32(littleEndian: body.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
            guard ordinals.allSatisfy({ Int($0) < capacity }) else { return nil }
            return .ordinals(ordinals)
        case 1 where body.count == (capacity + 63) / 64 * 8:
            return .bitmap((0..<body.count / 8).map { UInt64(littleEndian: body.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) })
        default:
            return nil
        }
    }
}
