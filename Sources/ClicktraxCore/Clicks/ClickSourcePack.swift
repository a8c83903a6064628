/// Every click source as columns, stored as one BLOB beside the rollups so a report reads it in
/// one go (a few megabytes) instead of stepping through a row per source. For each dimension
/// it also holds each source's *ordinal*: the place of its value among the distinct values,
/// sorted — a report grouped by one dimension uses the ordinal as the group's index (no
/// hashing), and the groups come out sorted by id (or by domain name).
public struct ClickSourcePack: Sendable, Equatable {
    /// Indexed by source id (SQLite's dense rowids; index 0 unused).
    public var tracker: [Int64] = [0]
    public var lineItem: [Int64] = [0]
    public var publisher: [Int64] = [0]
    public var placement: [Int64] = [0]
    /// Ordinals per dimension (tracker, line item, publisher, placement, domain), per source.
    public var ordinals: [[Int32]] = Array(repeating: [0], count: 5)
    /// The distinct values per dimension, sorted (domains by `domains`).
    public var distinct: [[Int64]] = Array(repeating: [], count: 4)
    public var domains: [String] = []

    public init() {}

    public var count: Int { tracker.count }

    static func dimensionIndex(_ dimension: ClickDimension) -> Int? {
        switch dimension {
        case .tracker: 0
        case .lineItem: 1
        case .publisher: 2
        case .placement: 3
        case .siteDomain: 4
        case .day, .hour: nil
        }
    }

    /// Builds the pack from the sources' columns (index = id).
    init(tracker: [Int64], lineItem: [Int64], publisher: [Int64], placement: [Int64], domain: [String]) {
        self.tracker = tracker
        self.lineItem = lineItem
        self.publisher = publisher
        self.placement = placement
        ordinals = []
        distinct = []
        for column in [tracker, lineItem, publisher, placement] {
            let values = Array(Set(column.dropFirst())).sorted()
            let place = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, Int32($0)) })
            distinct.append(values)
            ordinals.append(column.map { place[$0] ?? 0 })
        }
        domains = Array(Set(domain.dropFirst())).sorted()
        let place = Dictionary(uniqueKeysWithValues: domains.enumerated().map { ($1, Int32($0)) })
        ordinals.append(domain.map { place[$0] ?? 0 })
    }

    /// The value of a source's ordinal in a dimension, as the report's key.
    func value(dimension index: Int, ordinal: Int32) -> Int64 {
        index < 4 ? distinct[index][Int(ordinal)] : Int64(ordinal)
    }

    // MARK: Bytes

    func encode() -> [UInt8] {
        var bytes: [UInt8] = []
        func put<T>(_ array: [T]) {
            var count = UInt64(array.count)
            withUnsafeBytes(of: &count) { bytes += $0 }
            array.withUnsafeBytes { bytes += $0 }
        }
        put(tracker); put(lineItem); put(publisher); put(placement)
        for column in ordinals { put(column) }
        for column in distinct { put(column) }
        // Each domain ends with a line break (a domain cannot hold one): "" stays a domain.
        put(Array(domains.map { $0 + "\n" }.joined().utf8))
        return bytes
    }

    init?(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        func take<T>(_: T.Type) -> [T]? {
            guard offset + 8 <= bytes.count else { return nil }
            let count = Int(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
            let size = count * MemoryLayout<T>.stride
            guard count >= 0, offset + size <= bytes.count else { return nil }
            let array = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + size)]))
                initialized = count
            }
            offset += size
            return array
        }
        guard let tracker = take(Int64.self), let lineItem = take(Int64.self), let publisher = take(Int64.self),
              let placement = take(Int64.self) else { return nil }
        var ordinals: [[Int32]] = []
        for _ in 0..<5 { guard let column = take(Int32.self), column.count == tracker.count else { return nil }; ordinals.append(column) }
        var distinct: [[Int64]] = []
        for _ in 0..<4 { guard let column = take(Int64.self) else { return nil }; distinct.append(column) }
        guard let text = take(UInt8.self) else { return nil }
        self.tracker = tracker
        self.lineItem = lineItem
        self.publisher = publisher
        self.placement = placement
        self.ordinals = ordinals
        self.distinct = distinct
        domains = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
