import Foundation
import Synchronization

/// Folds text for searching: case-, accent- and width-insensitive ("Café" and "CAFE" and
/// "ｃａｆｅ" all fold to "cafe"). CJK passes through unchanged.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        // This runs once per line item on a million-item load, and Foundation's folding is slow,
        // so it goes scalar by scalar: ASCII is lowercased in place, any other scalar is folded
        // once through Foundation and remembered. Scalar by scalar is also right for decomposed
        // accents: a lone combining mark folds to nothing, as it does inside the whole string.
        var text = text
        if let ascii = text.withUTF8(foldedASCII) { return ascii }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        // The same non-ASCII scalar comes again and again within a name ("– UK – Display –").
        var last: (scalar: Unicode.Scalar, folded: String)?
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append((65...90).contains(byte) ? byte + 32 : byte)
            } else {
                if last?.scalar != scalar { last = (scalar, foldedScalar(scalar)) }
                bytes.append(contentsOf: last!.folded.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// All-ASCII text lowercased into a string of its own (one allocation); nil when any byte is not ASCII.
    private static func foldedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for index in bytes.indices {
                let byte = bytes[index]
                buffer[index] = (65...90).contains(byte) ? byte + 32 : byte
            }
            return bytes.count
        }
    }

    /// The words of a search query, folded; white space separates them, by the same rule that
    /// splits names into the search index's terms.
    public static func words(of query: String) -> [String] {
        SearchTerms.terms(of: fold(query))
    }

    static func foldedScalar(_ scalar: Unicode.Scalar) -> String {
        if let known = cache.withLock({ $0[scalar.value] }) { return known }
        // A combining accent on its own (a decomposed "é" is "e" + U+0301) is what
        // diacritic-insensitive means to drop; Foundation leaves a lone one in place.
        let folded = scalar.properties.generalCategory == .nonspacingMark ? "" : String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        cache.withLock { $0[scalar.value] = folded }
        return folded
    }

    /// Folded forms of the non-ASCII scalars seen so far; bounded by the scalars in use.
    private static let cache = Mutex<[UInt32: String]>([:])
}
