import ClicktraxCore
import Foundation

/// Tracker IDs as `export` takes them: several to an argument ("21378,21379"), or "-" for a
/// list on standard input (one per line, or separated by commas or spaces) — ten thousand IDs
/// as ten thousand arguments would be slow to parse and near the limit of a command line. An ID
/// given twice is taken once, in the place it first came.
enum TrackerIDList {
    static func parse(_ arguments: [String], standardInput: () throws -> String = readStandardInput) throws -> [Int64] {
        var ids: [Int64] = []
        var seen = Set<Int64>()
        for argument in arguments {
            let text = argument == "-" ? try standardInput() : argument
            for piece in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
                guard let id = Int64(piece), id > 0 else {
                    throw ClicktraxError.badInput("“\(piece.prefix(40))” is not a tracker ID (expected a positive whole number)")
                }
                if seen.insert(id).inserted { ids.append(id) }
            }
        }
        return ids
    }

    /// Far more than a million IDs; past it standard input is not a list of IDs (`export - < /dev/zero`).
    static let maxInputBytes = 64 << 20

    static func readStandardInput() throws -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
            guard data.count <= maxInputBytes else {
                throw ClicktraxError.badInput("standard input: more than \(maxInputBytes >> 20) MB is not a list of tracker IDs")
            }
        }
        return String(decoding: data, as: UTF8.self)
    }
}
