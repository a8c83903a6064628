import Foundation

/// RFC 4180 CSV, read record by record from a file in chunks, so memory holds a chunk and a
/// record, whatever the file's size: quoted fields may hold commas, quotes ("") and line breaks;
/// CRLF or LF ends a record. Reports the line each record starts on.
struct CSVReader {
    enum Failure: Error {
        case unterminatedQuote(line: Int)
        case notUTF8(line: Int)
        case recordTooLong(line: Int)
    }

    /// No record of a catalog or tracker export comes near this; past it a file is refused at
    /// once (a 64 MB field was parsed again with every chunk read: minutes, quadratic).
    static let maxRecordBytes = 1 << 20

    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var position = 0
    private let recent = RecentFields()
    private var atEnd = false
    private(set) var line = 1
    static let chunkSize = 1 << 20

    init(handle: FileHandle) {
        self.handle = handle
    }

    /// For text already in memory (tests, small inputs).
    init(text: String) {
        handle = nil
        buffer = Array(text.utf8)
        atEnd = true
    }

    /// The next record and the line it starts on, or nil at the end.
    mutating func next() throws -> (fields: [String], line: Int)? {
        if line == 1 && position == 0 {
            try fill()
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 } // a spreadsheet's BOM
        }
        while true {
            if position >= buffer.count {
                if atEnd { return nil }
                try fill()
                continue
            }
            if let (fields, end, lines) = try parse(from: position) {
                let startLine = line
                position = end
                line += lines
                return (fields, startLine)
            }
            // The record runs past the buffer: read more, or it is the file's last (or broken) one.
            if atEnd { throw Failure.unterminatedQuote(line: line) }
            if buffer.count - position > Self.maxRecordBytes { throw Failure.recordTooLong(line: line) }
            try fill()
        }
    }

    /// Appends the next chunk, dropping what was already read.
    private mutating func fill() throws {
        guard let handle, !atEnd else { atEnd = true; return }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
        if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
    }

    /// A whole record from `start`: its fields, where the next begins, and how many line breaks
    /// it spans. Nil when the buffer ends first (unless the file does: then the last record).
    /// A field is made straight from its bytes in the buffer; only a quoted one with a doubled
    /// quote inside is copied to drop the doubling.
    private func parse(from start: Int) throws -> ([String], Int, Int)? {
        try buffer.withUnsafeBufferPointer { bytes in
            var fields: [String] = []
            fields.reserveCapacity(16)
            var lines = 0
            var index = start
            func text(_ range: Range<Int>) throws -> String {
                let field = UnsafeBufferPointer(rebasing: bytes[range])
                if let same = recent.same(field, column: fields.count) { return same }
                // ASCII needs no validation; `String(validating:)` is generic and not
                // specialised here, and most fields of a catalog are ASCII.
                if field.allSatisfy({ $0 < 0x80 }) { return recent.keep(String(decoding: field, as: UTF8.self), column: fields.count) }
                guard let text = String(validating: field, as: UTF8.self) else {
                    throw Failure.notUTF8(line: line)
                }
                return text
            }
            while true {
                // One field from `index`.
                if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                    // Quoted: to the closing quote, "" standing for one quote.
                    var copy: [UInt8]?
                    var runStart = index + 1
                    var cursor = index + 1
                    while true {
                        guard cursor < bytes.count else { return nil }
                        let byte = bytes[cursor]
                        if byte == UInt8(ascii: "\"") {
                            if cursor + 1 >= bytes.count && !atEnd { return nil }
                            if cursor + 1 < bytes.count && bytes[cursor + 1] == UInt8(ascii: "\"") {
                                copy = (copy ?? []) + bytes[runStart...cursor]
                                cursor += 2
                                runStart = cursor
                                continue
                            }
                            break
                        }
                        if byte == 10 { lines += 1 }
                        cursor += 1
                    }
                    var value: String
                    if var copied = copy {
                        copied += bytes[runStart..<cursor]
                        guard let decoded = String(validating: copied, as: UTF8.self) else { throw Failure.notUTF8(line: line) }
                        value = decoded
                    } else {
                        value = try text(runStart..<cursor)
                    }
                    index = cursor + 1
                    // Anything between the closing quote and the separator belongs to the field, as before.
                    let tail = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != 10, bytes[index] != 13 { index += 1 }
                    if index > tail { value += try text(tail..<index) }
                    // What `CSVWriter` neutralised against spreadsheets comes back as it was.
                    fields.append(CSVFormulaGuard.restore(value))
                } else {
                    let fieldStart = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != 10, bytes[index] != 13 { index += 1 }
                    if index >= bytes.count && !atEnd { return nil }
                    fields.append(CSVFormulaGuard.restore(try text(fieldStart..<index)))
                }
                // What ends the field: a comma, a line break, or the end of the file.
                guard index < bytes.count else {
                    if !atEnd { return nil }
                    return (fields, index, lines)
                }
                switch bytes[index] {
                case UInt8(ascii: ","):
                    index += 1
                case 13:
                    if index + 1 >= bytes.count && !atEnd { return nil }
                    index += index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : 1
                    return (fields, index, lines + 1)
                default:
                    return (fields, index + 1, lines + 1)
                }
            }
        }
    }
}

/// The last long value read in each column, handed out again when the next row has the same
/// bytes there: a catalog's dates, types and currencies repeat on every row, and sharing one
/// string spares a million allocations (and frees) a column. Values of up to 15 bytes are
/// stored inside the `String` itself and are not kept.
final class RecentFields {
    private var values: [String?] = []

    func same(_ field: UnsafeBufferPointer<UInt8>, column: Int) -> String? {
        guard field.count > 15, column < values.count, var value = values[column], value.utf8.count == field.count else { return nil }
        return value.withUTF8 { stored in memcmp(stored.baseAddress!, field.baseAddress!, field.count) == 0 } ? value : nil
    }

    func keep(_ value: String, column: Int) -> String {
        guard value.utf8.count > 15 else { return value }
        while values.count <= column { values.append(nil) }
        values[column] = value
        return value
    }
}
