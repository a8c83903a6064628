/// A key a `FastKeyMap` can hash with a multiply and a shift instead of SipHash.
protocol FastHashable: Equatable {
    var fastHash: UInt64 { get }
}

extension Int64: FastHashable {
    var fastHash: UInt64 { UInt64(bitPattern: self) &* 0x9E37_79B9_7F4A_7C15 }
}

/// An open-addressing hash map for the import's per-row look-ups (a click's source, its hour
/// sum): `Dictionary` hashes with seeded SipHash, which was a sixth of the import's time. Keys
/// come from files, not from an adversary choosing collisions against a known function — the
/// worst a crafted file can do is slow its own import.
struct FastKeyMap<Key: FastHashable, Value> {
    private(set) var keys: [Key] = []
    private(set) var values: [Value] = []
    private var slots: [Int32]
    private var mask: Int

    init() {
        slots = Array(repeating: -1, count: 1_024)
        mask = 1_023
    }

    var count: Int { keys.count }

    func index(of key: Key) -> Int? {
        var slot = Int(truncatingIfNeeded: key.fastHash >> 20) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            if keys[Int(index)] == key { return Int(index) }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a key not in the map; its index.
    @discardableResult
    mutating func append(_ key: Key, _ value: Value) -> Int {
        var slot = Int(truncatingIfNeeded: key.fastHash >> 20) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(keys.count)
        keys.append(key)
        values.append(value)
        if keys.count * 2 > slots.count { grow() }
        return keys.count - 1
    }

    subscript(index index: Int) -> Value {
        get { values[index] }
        set { values[index] = newValue }
    }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = -1 }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key.fastHash >> 20) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
