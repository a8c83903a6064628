/// RFC 4180 CSV, read record by record: quoted fields may hold commas, quotes ("") and line
/// breaks; CRLF or LF ends a record. Reports the line each record starts on.
struct CSVReader {
    enum Failure: Error { case unterminatedQuote(line: Int) }

    private let bytes: [UInt8]
    private var index = 0
    private(set) var line = 1

    init(text: String) {
        var data = Array(text.utf8)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) } // a spreadsheet's BOM
        bytes = data
    }

    /// The next record and the line it starts on, or nil at the end.
    mutating func next() throws -> (fields: [String], line: Int)? {
        guard index < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 10 { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if field.isEmpty && !wasQuoted { quoted = true; wasQuoted = true } else { field.append(byte) }
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
                wasQuoted = false
            case 13 where index < bytes.count && bytes[index] == 10:
                continue
            case 10, 13:
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return (fields, startLine)
            default:
                field.append(byte)
            }
        }
        if quoted { throw Failure.unterminatedQuote(line: startLine) }
        fields.append(String(decoding: field, as: UTF8.self))
        return (fields, startLine)
    }
}
