import Foundation
import TOMLKit
import TextTools

/// A theme file, `Themes/NAME.toml`: roles (dotted names from `ThemeRole`) mapped to styles,
///
/// ```toml
/// name = "light"
/// "table.row.cursor" = { fg = "black", bg = "#d7d7ff" }
/// "dialog.border" = { fg = "blue", bold = true }
/// ```
///
/// Colours are names (`red`, `bright-blue`, `grey`), 0–255, `#rrggbb` or `default`. Roles may also
/// be written as TOML's dotted keys or tables. A file overrides only the roles it lists, on top of
/// the built-in default. Unknown roles or attributes and bad colours are errors naming the file,
/// the line and the role, with a did-you-mean.
public enum ThemeFile {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    static let attributes = ["fg", "bg", "bold", "underline", "reverse", "dim"]

    public static func load(path: String, base: Theme = .builtinDefault) throws -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path): cannot read the theme file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw Failure(description: "\(path): not UTF-8 text") }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try parse(text, source: path, name: name, base: base)
    }

    public static func parse(_ text: String, source: String, name: String, base: Theme = .builtinDefault) throws -> Theme {
        if let header = TOMLHeaderCheck.problem(in: text) {
            throw Failure(description: "\(source):\(header.line): \(header.message)")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Failure(description: "\(source):\(error.source.begin.line): \(error.description)")
        }
        var theme = base
        theme.name = (table["name"]?.string) ?? name
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func failure(_ role: String, _ message: String) -> Failure {
            let last = role.split(separator: ".").last.map(String.init) ?? role
            let line = lines.firstIndex { $0.contains(role) } ?? lines.firstIndex { $0.contains(last) }
            return Failure(description: "\(source):\((line ?? 0) + 1): \(role): \(message)")
        }
        func visit(_ table: TOMLTable, path: String) throws {
            var styleKeys: [String: TOMLValueConvertible] = [:]
            for key in table.keys {
                guard let value = table[key] else { continue }
                if path.isEmpty && key == "name" { continue }
                if attributes.contains(key) && !path.isEmpty {
                    styleKeys[key] = value
                } else if let nested = value.table {
                    try visit(nested, path: path.isEmpty ? key : "\(path).\(key)")
                } else {
                    let role = path.isEmpty ? key : "\(path).\(key)"
                    throw failure(role, path.isEmpty
                        ? "expected a style table such as { fg = \"cyan\", bold = true }"
                        : "unknown attribute “\(key)” (known: \(attributes.joined(separator: ", ")))")
                }
            }
            // A role with no attributes at all (`screen = {}`) is the plain style.
            guard !styleKeys.isEmpty || (table.keys.isEmpty && !path.isEmpty) else { return }
            guard let role = ThemeRole(rawValue: path) else {
                let hint = Suggestion.closest(to: path, in: ThemeRole.allCases.map(\.rawValue)).map { "; did you mean “\($0)”?" } ?? ""
                throw failure(path, "unknown role\(hint)")
            }
            var style = Style()
            for (key, value) in styleKeys {
                switch key {
                case "fg", "bg":
                    guard let text = value.string, let color = Color(parsing: text) else {
                        throw failure(path, "\(key): expected a colour name, 0–255, #rrggbb or default (got \(value))")
                    }
                    if key == "fg" { style.foreground = color } else { style.background = color }
                default:
                    guard let flag = value.bool else { throw failure(path, "\(key): expected true or false") }
                    switch key {
                    case "bold": style.bold = flag
                    case "underline": style.underline = flag
                    case "reverse": style.reverse = flag
                    default: style.dim = flag
                    }
                }
            }
            theme.styles[role] = style
        }
        try visit(table, path: "")
        return theme
    }
}
