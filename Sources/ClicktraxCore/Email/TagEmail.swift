import Foundation

/// The message that carries an export (RULES.md §4): RFC 5322 with CRLF and no line over 998 octets.
/// The tags go in a quoted-printable text part and, byte for byte, in an attached `.html` file.
public struct TagEmail: Sendable {
    public var from: String
    public var to: [String]
    public var export: TagExport
    public var date: Date
    /// Unique per message; also names the MIME boundary.
    public var identifier: String

    public init(from: String, to: [String], export: TagExport, date: Date = Date(), identifier: String = UUID().uuidString) {
        self.from = from
        self.to = to
        self.export = export
        self.date = date
        self.identifier = identifier.lowercased()
    }

    /// "Click tracker tags: CLIK TRAX" or "Impression tracker tags (3): CLIK TRAX, Second, …".
    public var subject: String {
        let names = export.trackers.map { sanitized($0.name) }
        let count = names.count == 1 ? "" : " (\(names.count))"
        var list = ""
        for name in names {
            let next = list.isEmpty ? name : list + ", " + name
            if next.count > 120 { list += list.isEmpty ? String(name.prefix(117)) + "…" : ", …"; break }
            list = next
        }
        return "\(export.noun.prefix(1).uppercased() + export.noun.dropFirst()) tags\(count): \(list)"
    }

    public var attachmentName: String {
        "\(export.fileStem)-\(Timestamp.string(from: date).prefix(10).replacingOccurrences(of: "-", with: "")).html"
    }

    /// The whole message, ready for `sendmail -t -i` or an `.eml` file.
    public func rendered() -> Data {
        let boundary = "clicktrax-\(identifier)"
        var lines: [String] = [
            "From: \(from)",
            "To: \(to.joined(separator: ", "))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(identifier)@clicktrax.invalid>",
            MIMEHeader.fold("Subject", MIMEHeader.encodedWord(subject)),
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
            "X-Mailer: Clicktrax",
            "",
            "This is a MIME message: the tags are in its text and in its attachment.",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            QuotedPrintable.encode(introduction + export.text),
            "--\(boundary)",
            "Content-Type: text/html; charset=utf-8; name=\"\(attachmentName)\"",
            "Content-Disposition: attachment; filename=\"\(attachmentName)\"",
            "Content-Transfer-Encoding: base64",
            "",
            Data(export.text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]),
            "--\(boundary)--",
            "",
        ]
        lines = lines.map { $0.replacingOccurrences(of: "\r\n", with: "\n") }
        return Data(lines.joined(separator: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    var introduction: String {
        let options = export.options
        let macros = TrackerMacro.allCases.filter { options.macros[$0] != nil }.map(\.label)
        return """
            \(export.trackers.count) \(export.noun) tag\(export.trackers.count == 1 ? "" : "s") from Clicktrax — \
            \(options.type.label), \(options.effectiveSecure ? "secure (https)" : "non-secure (http)")\
            \(macros.isEmpty ? "" : ", macros: " + macros.joined(separator: ", ")).
            Paste the tags into the ad server as they are; the same text is attached as \(attachmentName).


            """
    }

    private func sanitized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    static func rfc5322Date(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(format: "%@, %02d %@ %04d %02d:%02d:%02d +0000", days[Int(parts.tm_wday)], Int(parts.tm_mday),
                      months[Int(parts.tm_mon)], Int(parts.tm_year) + 1900, Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
