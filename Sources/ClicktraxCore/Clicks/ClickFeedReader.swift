import Foundation

/// RFC 4180 CSV read straight from a file's bytes, for feed files of any size: a record's fields
/// are slices of one buffer (no string per field), read in 4 MB chunks. A record that runs past
/// a chunk is moved to the buffer's start and parsed again once, so every byte is scanned at most
/// twice; a record over `maxRecordBytes` is refused instead of growing the buffer.
final class ClickFeedReader {
    enum Failure: Error, Equatable {
        case unterminatedQuote(line: Int)
        case recordTooLong(line: Int)
        case unreadable(String)
    }

    static let chunkSize = 4 << 20
    static let maxRecordBytes = 1 << 20

    private let descriptor: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var filled = 0
    private var position = 0
    private var atEnd = false
    private var fieldStarts: [Int] = []
    private var fieldEnds: [Int] = []
    /// Fields of the current record that hold `""`.
    private var escapedFields: [Int] = []
    /// The line the current record starts on (1-based), and the next record's.
    private(set) var line = 0
    private var nextLine = 1
    /// Bytes read so far, for progress.
    private(set) var bytesRead: Int64 = 0

    /// Takes ownership of `descriptor` (closed on deinit).
    init(descriptor: Int32) {
        self.descriptor = descriptor
        capacity = Self.chunkSize + Self.maxRecordBytes
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
        close(descriptor)
    }

    var fieldCount: Int { fieldStarts.count }

    /// Field `index` of the current record, valid until the next call to `next()`.
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer + fieldStarts[index], count: fieldEnds[index] - fieldStarts[index])
    }

    func text(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

    /// Reads the next record that is not a blank line; false at the end of the file.
    func next() throws(Failure) -> Bool {
        while true {
            if position >= filled {
                if atEnd { return false }
                try fill()
                continue
            }
            if try parse() {
                if fieldStarts.count == 1 && fieldEnds[0] == fieldStarts[0] { continue } // a blank line
                return true
            }
            if atEnd { throw .unterminatedQuote(line: nextLine) }
            if filled - position >= Self.maxRecordBytes { throw .recordTooLong(line: nextLine) }
            try fill()
        }
    }

    /// Moves what is left to the front and reads another chunk behind it.
    private func fill() throws(Failure) {
        if position > 0 {
            let left = filled - position
            if left > 0 { (buffer).update(from: buffer + position, count: left) }
            filled = left
            position = 0
        }
        let room = capacity - filled
        var got = 0
        repeat {
            got = read(descriptor, buffer + filled, min(room, Self.chunkSize))
        } while got < 0 && errno == EINTR
        if got < 0 { throw .unreadable(String(cString: strerror(errno))) }
        if got == 0 { atEnd = true }
        filled += got
        bytesRead += Int64(got)
    }

    /// One record from `position`; false when the buffer ends first (unless the file does).
    /// Nothing is changed in the buffer until the record is whole, so a record cut by the
    /// chunk's end parses the same the second time.
    private func parse() throws(Failure) -> Bool {
        // Locals, not properties, in the loop: a class property is checked for exclusive access
        // on every touch, which was a tenth of an import's time.
        var fieldStarts = self.fieldStarts, fieldEnds = self.fieldEnds, escapedFields = self.escapedFields
        self.fieldStarts = []; self.fieldEnds = []; self.escapedFields = []
        defer { self.fieldStarts = fieldStarts; self.fieldEnds = fieldEnds; self.escapedFields = escapedFields }
        fieldStarts.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        escapedFields.removeAll(keepingCapacity: true)
        let buffer = self.buffer, filled = self.filled, atEnd = self.atEnd
        var index = position
        var lines = 0
        while true {
            if index < filled && buffer[index] == 0x22 {
                index += 1
                let start = index
                var escaped = false
                while true {
                    guard index < filled else { return false }
                    let byte = buffer[index]
                    if byte == 0x22 {
                        if index + 1 >= filled && !atEnd { return false }
                        if index + 1 < filled && buffer[index + 1] == 0x22 {
                            escaped = true
                            index += 2
                            continue
                        }
                        break
                    }
                    if byte == 0x0A { lines += 1 }
                    index += 1
                }
                if escaped { escapedFields.append(fieldStarts.count) }
                fieldStarts.append(start)
                fieldEnds.append(index)
                index += 1
                // Anything between the closing quote and the separator (a CR) is left out.
                while index < filled && buffer[index] != 0x2C && buffer[index] != 0x0A { index += 1 }
            } else {
                let start = index
                while index < filled {
                    let byte = buffer[index]
                    if byte == 0x2C || byte == 0x0A { break }
                    index += 1
                }
                var end = index
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                fieldStarts.append(start)
                fieldEnds.append(end)
            }
            if index >= filled {
                if !atEnd { return false }
                break
            }
            let separator = buffer[index]
            index += 1
            if separator == 0x0A { lines += 1; break }
        }
        for field in escapedFields { unescape(field, &fieldStarts, &fieldEnds) }
        position = index
        line = nextLine
        nextLine += lines
        return true
    }

    /// `""` → `"` in place, which only ever shortens the field.
    private func unescape(_ field: Int, _ fieldStarts: inout [Int], _ fieldEnds: inout [Int]) {
        var read = fieldStarts[field], write = read
        let end = fieldEnds[field]
        while read < end {
            buffer[write] = buffer[read]
            read += buffer[read] == 0x22 ? 2 : 1
            write += 1
        }
        fieldEnds[field] = write
    }
}
