/// Strings kept as one UTF-8 buffer and their ends: 100,000 names as one allocation, not
/// 100,000 (each name longer than 15 bytes is its own allocation as a `String`). A string is
/// made when one is read.
public struct PackedStrings: RandomAccessCollection, Sendable, Equatable {
    public private(set) var bytes: [UInt8] = []
    private var ends: [Int32] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return bytes[start..<Int(ends[index])].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    public mutating func append(_ string: String) {
        bytes.append(contentsOf: string.utf8)
        ends.append(Int32(bytes.count))
    }

    /// Appends raw UTF-8 (repaired when read, as `String(decoding:)` does).
    public mutating func append(utf8: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: utf8)
        ends.append(Int32(bytes.count))
    }

    public mutating func reserveCapacity(strings: Int, bytes count: Int) {
        ends.reserveCapacity(strings)
        bytes.reserveCapacity(count)
    }
}
