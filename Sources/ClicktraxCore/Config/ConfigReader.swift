import Foundation
import TOMLKit
import TextTools

/// Reads typed values out of a parsed TOML table, and words every problem as
/// `FILE:LINE: [section] key: what was expected`. TOMLKit gives no positions for values, so
/// the line is found in the text: the key's line after its section header.
struct ConfigReader {
    let lines: [Substring]
    let source: String

    init(text: String, source: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.source = source
    }

    func error(_ key: String, section: String?, _ message: String) -> ClicktraxError {
        let place = section.map { "[\($0)] \(key)" } ?? key
        return .badInput("\(source):\(line(of: key, in: section)): \(place): \(message)")
    }

    /// The 1-based line where `key` is set inside `[section]` (or at the top for nil); the
    /// table's own header for a key that is a table; 1 when it cannot be found.
    func line(of key: String, in section: String?) -> Int {
        var current: String?
        var inlineParent: Int?
        let asTable = section.map { "\($0).\(key)" } ?? key
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                current = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                if current == asTable { return index + 1 }
                continue
            }
            let name = line.split(separator: "=", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if current == section && name == key { return index + 1 }
            // A sub-table written inline in its parent: `[tags]` … `macros = { … }`.
            if let section, let dot = section.lastIndex(of: "."), current == String(section[..<dot]),
               name == String(section[section.index(after: dot)...]) {
                inlineParent = inlineParent ?? index + 1
            }
        }
        return inlineParent ?? 1
    }

    func only(_ known: [String], in table: TOMLTable, section: String?) throws {
        for key in table.keys where !known.contains(key) {
            let hint = Suggestion.closest(to: key, in: known).map { "; did you mean “\($0)”?" } ?? ""
            throw error(key, section: section, "unknown key (known: \(known.joined(separator: ", ")))\(hint)")
        }
    }

    func table(_ key: String, in table: TOMLTable, section: String?) throws -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let result = value.table else { throw error(key, section: section, "expected a table ([\(key)])") }
        return result
    }

    func string(_ key: String, in table: TOMLTable, section: String?) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let result = value.string else { throw error(key, section: section, "expected a string in quotes") }
        return result
    }

    func bool(_ key: String, in table: TOMLTable, section: String?) throws -> Bool? {
        guard let value = table[key] else { return nil }
        guard let result = value.bool else { throw error(key, section: section, "expected true or false") }
        return result
    }

    func stringArray(_ key: String, in table: TOMLTable, section: String?) throws -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw error(key, section: section, "expected an array of strings, e.g. [\"msmtp\", \"-a\", \"work\"]") }
        var strings: [String] = []
        for item in array {
            guard let text = item.string else { throw error(key, section: section, "expected every item to be a string") }
            strings.append(text)
        }
        return strings
    }
}
