/// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled; lines end
/// with CRLF; a missing value (nil) is an empty field. A cell a spreadsheet would run as a
/// formula is neutralised (`CSVFormulaGuard`).
public enum CSVWriter {
    public static func line(_ fields: [String?]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            line += quote(CSVFormulaGuard.neutralise(withoutControls(field ?? "")))
        }
        return line + "\r\n"
    }

    /// A cell never carries a control character (C0, DEL, C1): a line break or an escape
    /// sequence in a cell is a row break or a terminal command to whatever reads the file
    /// next, `cat` included. Each becomes a space. (What comes in is validated; this is for
    /// data that got in before it was.)
    static func withoutControls(_ field: String) -> String {
        var previous: UInt8 = 0
        let clean = field.utf8.allSatisfy { byte in
            defer { previous = byte }
            return byte >= 0x20 && byte != 0x7F && !(previous == 0xC2 && (0x80...0x9F).contains(byte))
        }
        if clean { return field }
        return String(String.UnicodeScalarView(field.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// Looks at bytes: a listing of a million rows spent a third of its time comparing
    /// Characters here.
    static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A header line and a line per object.
    public static func document<T: CSVRepresentable>(_ objects: [T]) -> String {
        var text = line(T.csvHeader)
        for object in objects { text += line(object.csvFields) }
        return text
    }
}

/// A model with a documented CSV column set: the API's field names, references by id.
public protocol CSVRepresentable {
    static var csvHeader: [String] { get }
    var csvFields: [String?] { get }
}

extension Tracker: CSVRepresentable {
    public static let csvHeader = [
        "id", "name", "code", "state", "click_url", "line_item_id", "publisher_id", "tag_id", "payment_rule_id",
        "member_id", "advertiser_id", "line_item_name", "publisher_name", "tag_name", "payment_rule_name", "last_modified",
    ]

    public var csvFields: [String?] {
        [String(id), name, code, state.rawValue, clickUrl, String(lineItem.id), String(publisher.id),
         tag.map { String($0.id) }, paymentRule.map { String($0.id) }, memberId.map(String.init),
         advertiserId.map(String.init), lineItem.name, publisher.name, tag?.name, paymentRule?.name, lastModified]
    }
}
