import Foundation

/// A pretty-printed JSON document (Foundation's two-space style) cut around one of its arrays,
/// encoded empty: what comes before the first element, what follows the last, and how deep the
/// elements sit. A listing writes the frame's start, then its elements as it reads them, then
/// the end — the bytes the whole document would have had, without ever holding it.
public struct PrettyJSONFrame: Sendable {
    private let head: String
    private let tail: String
    /// What the empty array held between its brackets (`[]` or `[\n\n    ]`, by Foundation).
    private let emptyBody: String
    /// The spaces before the line holding `"key" : [`: the array's `]` goes there, its elements
    /// two deeper.
    public let arrayIndent: Int

    /// `document` must hold `"key" : [` exactly once, with the array empty.
    public init(document: String, arrayKey: String) throws {
        let marker = "\"\(arrayKey)\" : ["
        guard let range = document.range(of: marker) else {
            throw ClicktraxError.operational("the JSON document has no \(arrayKey) array")
        }
        let afterOpen = document[range.upperBound...]
        guard let close = afterOpen.firstIndex(of: "]") else {
            throw ClicktraxError.operational("the JSON document's \(arrayKey) array is not closed")
        }
        head = String(document[..<range.upperBound])
        tail = String(afterOpen[afterOpen.index(after: close)...])
        emptyBody = String(afterOpen[..<close])
        let lineStart = document[..<range.lowerBound].lastIndex(of: "\n").map { document.index(after: $0) } ?? document.startIndex
        arrayIndent = document[lineStart..<range.lowerBound].prefix { $0 == " " }.count
    }

    /// The text before the first element.
    public func start(count: Int) -> String { count == 0 ? head + emptyBody : head + "\n" }

    /// The text after the last element (and the final newline `--format json` prints).
    public func end(count: Int) -> String {
        (count == 0 ? "" : "\n" + String(repeating: " ", count: arrayIndent)) + "]" + tail + "\n"
    }

    /// Elements encoded on their own as a pretty array (`[\n  {…},\n  {…}\n]`), as lines at
    /// their place in the document, with the comma a chunk after the first needs before it.
    public func elements(ofEncodedArray array: String, first: Bool) -> String {
        let inner = array.dropFirst(2).dropLast(2)
        guard !inner.isEmpty else { return "" }
        let extra = String(repeating: " ", count: arrayIndent)
        let indented = extra + inner.replacingOccurrences(of: "\n", with: "\n" + extra)
        return first ? indented : ",\n" + indented
    }
}
