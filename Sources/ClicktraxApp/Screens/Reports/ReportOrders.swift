import ClicktraxCore
import Foundation
import TerminalUI

/// What the Reports screen needs to sort and filter a report on a key in well under a frame,
/// made off the loop with the report: each column's ascending order of the rows, and each row's
/// folded text for the filter. (Sorting 100,000 rows on the key took 400 ms.)
public struct ReportOrders: Sendable, Equatable {
    /// Per column of `ReportsScreen.columns(for:)`, the row indexes in ascending order (ties by row).
    public let ascending: [[Int32]]
    /// Per row, the ids, names and domains of its keys, folded (`TextFolding`), as UTF-8 in one
    /// buffer (`searchStarts` has each row's start, and the end): a filter key is a `memmem` per
    /// row — `String.contains` over 100,000 rows took 200 ms.
    public let searchBytes: [UInt8]
    public let searchStarts: [Int]
    /// Rows flagged stopped (the totals line shows it every frame).
    public let stopped: Int

    public init(_ report: ClickReport) {
        let dimensions = report.query.dimensions
        let rows = report.rows
        var orders: [[Int32]] = []
        for column in ReportsScreen.columns(for: dimensions) {
            var indexes = Array(Int32(0)..<Int32(rows.count))
            switch column.metric {
            case .clicks?: Self.sort(&indexes, rows.map(\.clicks))
            case .cost?: Self.sort(&indexes, rows.map(\.cost))
            case .first?: Self.sort(&indexes, rows.map(\.first))
            case .last?: Self.sort(&indexes, rows.map(\.last))
            case .status?: Self.sort(&indexes, rows.map { $0.stopped ? 1 : 0 })
            case nil:
                let k = column.keyIndex ?? 0
                if column.byName {
                    let names = rows.map { row -> String in
                        if case .object(_, let name) = row.keys[k] { return name ?? "" }
                        return ""
                    }
                    indexes.sort { names[Int($0)] != names[Int($1)] ? names[Int($0)] < names[Int($1)] : $0 < $1 }
                } else {
                    // The rows come in key order already; a key column's order is theirs, unless
                    // it is the second of two dimensions.
                    if k > 0 {
                        let keys = rows.map { $0.keys[k] }
                        indexes.sort { keys[Int($0)] != keys[Int($1)] ? keys[Int($0)] < keys[Int($1)] : $0 < $1 }
                    }
                }
            }
            orders.append(indexes)
        }
        ascending = orders
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(rows.count + 1)
        for row in rows {
            for key in row.keys {
                switch key {
                case .object(let id, let name): bytes += Array("\(id) \(TextFolding.fold(name ?? "")) ".utf8)
                case .domain(let domain): bytes += Array("\(TextFolding.fold(domain)) ".utf8)
                case .time: break
                }
            }
            starts.append(bytes.count)
        }
        searchBytes = bytes
        searchStarts = starts
        stopped = rows.reduce(0) { $0 + ($1.stopped ? 1 : 0) }
    }

    /// Whether row `index`'s text holds every word (folded UTF-8).
    func matches(_ index: Int, _ words: [[UInt8]]) -> Bool {
        searchBytes.withUnsafeBytes { buffer in
            let start = searchStarts[index], length = searchStarts[index + 1] - start
            return words.allSatisfy { word in
                word.withUnsafeBytes { needle in
                    Self.find(needle, in: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + length)]))
                }
            }
        }
    }

    /// `needle` somewhere in `haystack`: memchr to each candidate first byte, then memcmp.
    static func find(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count, let base = haystack.baseAddress else { return false }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }

    private static func sort<T: Comparable>(_ indexes: inout [Int32], _ values: [T]) {
        indexes.sort { values[Int($0)] != values[Int($1)] ? values[Int($0)] < values[Int($1)] : $0 < $1 }
    }
}
