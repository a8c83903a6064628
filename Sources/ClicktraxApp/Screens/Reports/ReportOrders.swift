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
            case .clicks?: Self.sort(&indexes, rows.clicks)
            case .cost?: Self.sort(&indexes, rows.cost)
            case .first?: Self.sort(&indexes, rows.first)
            case .last?: Self.sort(&indexes, rows.last)
            case .status?: Self.sort(&indexes, rows.stopped.map { $0 ? 1 : 0 })
            case nil:
                let k = column.keyIndex ?? 0
                if column.byName {
                    let names = rows.indices.map { rows.keys[k].name($0) ?? "" }
                    Self.sort(&indexes, names)
                } else if k > 0 {
                    // The rows come in key order already; a key column's order is theirs, unless
                    // it is the second of two dimensions. A key's value orders it: ids and times
                    // as they are, domains by their place in the sorted domains.
                    Self.sort(&indexes, rows.keys[k].values)
                }
            }
            orders.append(indexes)
        }
        ascending = orders
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(rows.count + 1)
        for row in rows.indices {
            for key in rows.keys {
                switch key.kind {
                case .object: bytes += Array("\(key.values[row]) \(TextFolding.fold(key.name(row) ?? "")) ".utf8)
                case .domain: bytes += Array("\(TextFolding.fold(key.domains[Int(key.values[row])])) ".utf8)
                case .time: break
                }
            }
            starts.append(bytes.count)
        }
        searchBytes = bytes
        searchStarts = starts
        stopped = rows.stopped.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// Per row, whether its text holds every word (folded UTF-8). One pass over the whole buffer
    /// per word — `memchr` to each candidate, `memcmp`, the row found by walking `searchStarts`
    /// forward — not a search per row (100,000 searches cost 20 ms a key; the pass, 2).
    func matching(_ words: [[UInt8]]) -> [Bool] {
        let rowCount = searchStarts.count - 1
        var matched = [Bool](repeating: true, count: max(0, rowCount))
        guard rowCount > 0 else { return matched }
        searchBytes.withUnsafeBytes { buffer in
            for word in words where !word.isEmpty {
                var found = [Bool](repeating: false, count: rowCount)
                word.withUnsafeBytes { needle in
                    var row = 0
                    Self.forEachOccurrence(of: needle, in: buffer) { at in
                        while searchStarts[row + 1] <= at { row += 1 }
                        // A hit running past its row's end spans two rows: not a match.
                        if at + needle.count <= searchStarts[row + 1] { found[row] = true }
                    }
                }
                for index in matched.indices where !found[index] { matched[index] = false }
            }
        }
        return matched
    }

    /// Each offset where `needle` starts in `haystack`, in order.
    static func forEachOccurrence(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, _ body: (Int) -> Void) {
        guard let first = needle.first, needle.count <= haystack.count, let base = haystack.baseAddress else { return }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { body(at) }
            offset = at + 1
        }
    }

    private static func sort<T: Comparable>(_ indexes: inout [Int32], _ values: [T]) {
        indexes.sort { values[Int($0)] != values[Int($1)] ? values[Int($0)] < values[Int($1)] : $0 < $1 }
    }
}
