/// Admits a file's records, refusing an object that comes twice in the same file (the same
/// kind and id): which of the two should win is a guess, so the file is sent back to be fixed.
/// Across files a later one may update an earlier one's object (pages of an export overlap).
final class OnceInAFile {
    private let path: String
    private var seen: [ObjectKind: DistinctIDs] = [:]
    private(set) var problems: [ImportProblem] = []

    init(path: String) { self.path = path }

    /// True when the record goes on; a repeat is noted as a problem instead.
    func admits(_ record: ImportRecord) -> Bool {
        guard let id = record.id else { return true }
        if seen[record.kind, default: DistinctIDs()].insert(id) { return true }
        if problems.count < ImportFailure.listed * 5 {
            problems.append(record.problem("id", "\(record.kind.noun) \(id) comes twice in this file: keep one of them"))
        }
        return false
    }
}

/// The ids seen so far, for "is this one new?". Export files list ids in ascending order, so an id
/// above every one before it is new without a look-up and is kept in a sorted array (8 bytes an
/// id, no hashing: a million-row import asks a million times); an id out of order is searched
/// for there and kept in a set beside it.
struct DistinctIDs {
    private var ascending: [Int64] = []
    private var others: Set<Int64> = []

    /// True when `id` was not seen before (it is remembered now).
    mutating func insert(_ id: Int64) -> Bool {
        if let last = ascending.last, id <= last {
            if contains(ascending, id) { return false }
            return others.insert(id).inserted
        }
        // Above every id of the run: it may still be one seen out of order before.
        if !others.isEmpty && others.contains(id) { return false }
        ascending.append(id)
        return true
    }

    private func contains(_ sorted: [Int64], _ id: Int64) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == id
    }
}
