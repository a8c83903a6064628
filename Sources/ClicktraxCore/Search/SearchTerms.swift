/// How folded text splits into the terms the search index keys on: runs of anything but white
/// space. A query word never holds white space either, so a query word is a substring of a name
/// exactly when it is a substring of one of the name's terms — which makes the index exact, not
/// a pre-filter. `TextFolding.words` splits queries with this same rule.
enum SearchTerms {
    /// Calls `body` with the byte range of each term of `text` (folded UTF-8), in order.
    static func forEach(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = -1
        var index = 0
        while index < text.count {
            let (isSpace, length) = whiteSpace(at: index, in: text)
            if isSpace {
                if start >= 0 { body(start..<index) }
                start = -1
            } else if start < 0 {
                start = index
            }
            index += length
        }
        if start >= 0 { body(start..<text.count) }
    }

    static func terms(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var terms: [String] = []
            forEach(in: bytes) { terms.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)) }
            return terms
        }
    }

    /// Whether the scalar at `index` is white space, and its length in bytes.
    @inline(__always)
    static func whiteSpace(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> (Bool, Int) {
        let byte = text[index]
        if byte < 0x80 { return (byte == 0x20 || (0x09...0x0D).contains(byte), 1) }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= text.count else { return (false, 1) }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(text[index + offset] & 0x3F) }
        return (isWhiteSpace(beyondASCII: value), length)
    }

    /// Unicode's White_Space beyond ASCII, spelled out: the property look-up cost a tenth of a
    /// million-name index build, whose names hold "–" and CJK in every line.
    @inline(__always)
    static func isWhiteSpace(beyondASCII value: UInt32) -> Bool {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether a match at `offset` inside a term starts a word: the term's start, or just after
    /// punctuation ("q4" in "acme_q4_display" starts a word; "day" in "holiday" does not).
    @inline(__always)
    static func startsWord(at offset: Int, in term: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset > 0 else { return true }
        let before = term[offset - 1]
        guard before < 0x80 else { return false }
        return !((0x30...0x39).contains(before) || (0x61...0x7A).contains(before) || (0x41...0x5A).contains(before))
    }
}
