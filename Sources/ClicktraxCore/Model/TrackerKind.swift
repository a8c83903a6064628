import Foundation

/// The two kinds of tracker Invest keeps for a third-party ad server (RULES.md §1, §12): click
/// trackers (Creative › Click Trackers) count its clicks, impression trackers (Creative ›
/// Impression Trackers) its impressions. The same fields but the landing page, the same pickers,
/// the same tag options; the tags differ in the URL's path and the comment around them.
public enum TrackerKind: String, Sendable, CaseIterable, Codable {
    case click
    case impression

    /// "click tracker" / "impression tracker", for messages.
    public var noun: String {
        switch self {
        case .click: "click tracker"
        case .impression: "impression tracker"
        }
    }

    /// "click trackers", "impression trackers".
    public var plural: String { noun + "s" }

    /// "tracker", "impression tracker": inside a sentence, where "tracker" alone has always meant
    /// a click tracker ("Deleted tracker 5").
    public var shortNoun: String { self == .click ? "tracker" : noun }

    /// "Tracker", "Impression tracker": at the start of a sentence.
    public var sentenceNoun: String { shortNoun.prefix(1).uppercased() + shortNoun.dropFirst() }

    /// What a tag of this kind counts, for messages ("records no clicks").
    public var counted: String {
        switch self {
        case .click: "clicks"
        case .impression: "impressions"
        }
    }

    /// The kind of object in Invest's API: its service (`/clicktracker`, `/imptracker`) and keys.
    public var objectKind: ObjectKind {
        switch self {
        case .click: .clickTracker
        case .impression: .impTracker
        }
    }

    /// The path of the tracker URL on Invest's host (`/clktrb`, `/imptr`).
    public var urlPath: String {
        switch self {
        case .click: "clktrb"
        case .impression: "imptr"
        }
    }

    /// The comment above a tag, as Invest writes it for the kind.
    func openingComment(name: String) -> String {
        switch self {
        case .click: "<!-- Click Tracker - \(name) -->"
        case .impression: "<!-- Imp Tracker - \(name) - DO NOT MODIFY -->"
        }
    }

    /// The comment below a tag.
    var closingComment: String {
        switch self {
        case .click: "<!-- End of Click Tracker -->"
        case .impression: "<!-- End of Imp Tracker -->"
        }
    }

    /// The export types a tag of this kind can be: an impression is counted by a JavaScript tag,
    /// an image pixel or the bare URL an ad server fires — a link would count a click.
    public var exportTypes: [ExportType] {
        switch self {
        case .click: ExportType.allCases
        case .impression: [.javascript, .pixel, .url]
        }
    }
}

extension TrackerKind {
    /// Where a decoder is told which kind of tracker it reads (the JSON does not say):
    /// `decoder.userInfo[TrackerKind.decodingKey] = TrackerKind.impression`. Click unless told.
    public static let decodingKey = CodingUserInfoKey(rawValue: "clicktrax.trackerKind")!
}

extension Decoder {
    var trackerKind: TrackerKind { userInfo[TrackerKind.decodingKey] as? TrackerKind ?? .click }
}
