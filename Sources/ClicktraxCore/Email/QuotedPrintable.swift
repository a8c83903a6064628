/// Quoted-printable (RFC 2045 §6.7) for a text part: line breaks become CRLF, encoded lines are
/// at most 76 characters (soft breaks `=` CRLF), and everything but printable ASCII is `=XX`.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        var output = ""
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (lineIndex, line) in lines.enumerated() {
            var current = ""
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                var piece: String
                switch byte {
                case 33...60, 62...126:
                    piece = String(UnicodeScalar(byte))
                case 32, 9:
                    // White space at the end of a line would be lost in transit: encode it there.
                    piece = isLast ? hex(byte) : String(UnicodeScalar(byte))
                default:
                    piece = hex(byte)
                }
                if current.count + piece.count > 75 {
                    output += current + "=\r\n"
                    current = ""
                }
                current += piece
            }
            output += current
            if lineIndex < lines.count - 1 { output += "\r\n" }
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}
