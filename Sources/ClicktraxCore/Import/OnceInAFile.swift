/// Admits a file's records, refusing an object that comes twice in the same file (the same
/// kind and id): which of the two should win is a guess, so the file is sent back to be fixed.
/// Across files a later one may update an earlier one's object (pages of an export overlap).
/// Memory: one `Set` of ids per kind — about 16 bytes an id, 17 MB for a million line items.
final class OnceInAFile {
    private let path: String
    private var seen: [ObjectKind: Set<Int64>] = [:]
    private(set) var problems: [ImportProblem] = []

    init(path: String) { self.path = path }

    /// True when the record goes on; a repeat is noted as a problem instead.
    func admits(_ record: ImportRecord) -> Bool {
        guard let id = record.id else { return true }
        if seen[record.kind, default: []].insert(id).inserted { return true }
        if problems.count < ImportFailure.listed * 5 {
            problems.append(record.problem("id", "\(record.kind.noun) \(id) comes twice in this file: keep one of them"))
        }
        return false
    }
}
