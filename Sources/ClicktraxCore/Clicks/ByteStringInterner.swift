/// Numbers distinct byte strings (site domains) without making a `String` per row: an
/// open-addressing table of FNV-1a hashes over one flat byte store. Ten million feed rows name
/// a few thousand domains; a `String` and its hashing per row was a fifth of the reader's time.
struct ByteStringInterner {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init() {
        slots = Array(repeating: -1, count: 1_024)
        mask = 1_023
    }

    var count: Int { starts.count - 1 }

    /// The number of `text`, and whether it is new.
    mutating func number(for text: UnsafeBufferPointer<UInt8>) -> (Int32, isNew: Bool) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let number = slots[slot]
            if number < 0 { break }
            if hashes[Int(number)] == hash && equals(Int(number), text) { return (number, false) }
            slot = (slot + 1) & mask
        }
        let number = Int32(count)
        bytes.append(contentsOf: text)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = number
        if count * 2 > slots.count { grow() }
        return (number, true)
    }

    func string(_ number: Int32) -> String {
        String(decoding: bytes[starts[Int(number)]..<starts[Int(number) + 1]], as: UTF8.self)
    }

    private func equals(_ number: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[number], end = starts[number + 1]
        guard end - start == text.count else { return false }
        for index in 0..<text.count where bytes[start + index] != text[index] { return false }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for number in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[number]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
