/// The Basic Options of Invest's Export Trackers dialog, plus the bare URL.
public enum ExportType: String, Sendable, CaseIterable, Codable {
    /// `<script src="URL" type="text/javascript"></script>`
    case javascript
    /// `<img src="URL" width="1" height="1" />`, always https.
    case pixel
    /// `<a href="URL">YOUR TEXT HERE</a>`, Invest's documented example.
    case link
    /// The tracker URL alone, one per line, no comments.
    case url

    public var label: String {
        switch self {
        case .javascript: "JavaScript tag"
        case .pixel: "Secure pixel"
        case .link: "Link"
        case .url: "URL"
        }
    }

    /// The `t` parameter: Invest's convention is 1 for the JavaScript tag, 2 for the pixel. An
    /// impression tracker's bare URL is fired by the ad server as an image, so it is 2 too; a
    /// click tracker's bare URL is a click-through and has none.
    func tParameter(for kind: TrackerKind) -> String? {
        switch self {
        case .javascript: "1"
        case .pixel: "2"
        case .url: kind == .impression ? "2" : nil
        case .link: nil
        }
    }

    /// Whether the clicked element is the tracker itself (so it must lead somewhere), rather than
    /// a piggyback beside the ad server's own click-through.
    var isClickThrough: Bool { self == .link || self == .url }
}
