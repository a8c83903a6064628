import Foundation

/// Header values that stay within RFC 5322: non-ASCII text as RFC 2047 encoded words, long
/// headers folded onto continuation lines.
enum MIMEHeader {
    /// The text as is when it is plain printable ASCII, else `=?UTF-8?B?…?=` words of at most
    /// 60 characters (so `Subject: ` and a word fit in 78), split between characters, never
    /// inside one.
    static func encodedWord(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            let candidate = chunk + String(character)
            if Data(candidate.utf8).base64EncodedString().count > 48, !chunk.isEmpty {
                words.append(chunk)
                chunk = String(character)
            } else {
                chunk = candidate
            }
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: " ")
    }

    /// `Name: value`, folded at spaces so no line passes 78 characters where it can be helped.
    static func fold(_ name: String, _ value: String) -> String {
        var lines: [String] = []
        var current = "\(name):"
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if current.count + 1 + word.count > 78 && current != "\(name):" {
                lines.append(current)
                current = " " + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}
