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
                // What `CSVWriter` neutralised against spreadsheets comes back as it was.
                return (fields.map(CSVFormulaGuard.restore), startLine)
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
    private func parse(from start: Int) throws -> ([String], Int, Int)? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        var lines = 0
        var index = start
        func finish(_ bytes: [UInt8]) throws -> String {
            guard let text = String(validating: bytes, as: UTF8.self) else { throw Failure.notUTF8(line: line) }
            return text
        }
        while index < buffer.count {
            let byte = buffer[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index >= buffer.count && !atEnd { return nil }
                    if index < buffer.count && buffer[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 10 { lines += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if field.isEmpty && !wasQuoted { quoted = true; wasQuoted = true } else { field.append(byte) }
            case UInt8(ascii: ","):
                fields.append(try finish(field))
                field = []
                wasQuoted = false
            case 13:
                if index >= buffer.count && !atEnd { return nil }
                if index < buffer.count && buffer[index] == 10 { index += 1 }
                fields.append(try finish(field))
                return (fields, index, lines + 1)
            case 10:
                fields.append(try finish(field))
                return (fields, index, lines + 1)
            default:
                field.append(byte)
            }
        }
        if !atEnd || quoted { return nil }
        fields.append(try finish(field))
        return (fields, index, lines)
    }
}
