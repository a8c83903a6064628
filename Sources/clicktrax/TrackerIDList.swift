import ClicktraxCore
import Foundation

/// Tracker IDs as `export` takes them: several to an argument ("21378,21379"), or "-" for a
/// list on standard input (one per line, or separated by commas or spaces) — ten thousand IDs
/// as ten thousand arguments would be slow to parse and near the limit of a command line. An ID
/// given twice is taken once, in the place it first came.
enum TrackerIDList {
    static func parse(_ arguments: [String], standardInput: () -> String = readStandardInput) throws -> [Int64] {
        var ids: [Int64] = []
        var seen = Set<Int64>()
        for argument in arguments {
            let text = argument == "-" ? standardInput() : argument
            for piece in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
                guard let id = Int64(piece), id > 0 else {
                    throw ClicktraxError.badInput("“\(piece.prefix(40))” is not a tracker ID (expected a positive whole number)")
                }
                if seen.insert(id).inserted { ids.append(id) }
            }
        }
        return ids
    }

    static func readStandardInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
