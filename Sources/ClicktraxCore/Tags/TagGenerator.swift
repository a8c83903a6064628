/// Turns trackers into the tags an operator pastes into a third-party ad server (RULES.md §3, §12).
/// Pure: the same trackers and options always give the same bytes.
public struct TagGenerator: Sendable {
    public var options: TagOptions

    public init(options: TagOptions) { self.options = options }

    /// `{scheme}://{host}/{clktrb|imptr}?id={id}&cachebuster=…&ancost=…&t=…&redir=…`, parameters
    /// in that order, `redir` last and never percent-encoded (everything after it is the landing URL).
    public func url(for trackerId: Int64, kind: TrackerKind = .click) -> String {
        var url = "\(options.effectiveSecure ? "https" : "http")://\(options.host)/\(kind.urlPath)?id=\(trackerId)"
        for macro in [TrackerMacro.cachebuster, .ancost] {
            if let value = options.macros[macro] { url += "&\(macro.parameter)=\(value)" }
        }
        if let t = options.type.tParameter(for: kind) { url += "&t=\(t)" }
        if let redirect = options.macros[.redirectURL] { url += "&redir=\(redirect)" }
        return url
    }

    /// The tag for one tracker: the comment wrapper around the element (the URL type is bare).
    public func tag(for tracker: TagSubject) -> String {
        let url = url(for: tracker.id, kind: tracker.kind)
        guard options.type != .url else { return url }
        let src = HTMLText.attributeURL(url, escapeAll: options.escapeAmpersands)
        let element: String
        switch options.type {
        case .javascript: element = "<script src=\"\(src)\" type=\"text/javascript\"></script>"
        case .pixel: element = "<img src=\"\(src)\" width=\"1\" height=\"1\" />"
        case .link: element = "<a href=\"\(src)\">\(HTMLText.escaped(options.linkText))</a>"
        case .url: element = src
        }
        let kind = tracker.kind
        return "\(kind.openingComment(name: HTMLText.commentSafe(tracker.name)))\n\(element)\n\(kind.closingComment)"
    }

    public func tag(for tracker: Tracker) -> String { tag(for: tracker.tagSubject) }

    /// Every tracker's tag, a blank line between wrapped tags (one URL per line for the URL
    /// type), ending with a newline.
    public func export(_ trackers: [TagSubject]) -> String {
        let separator = options.type == .url ? "\n" : "\n\n"
        return trackers.map(tag(for:)).joined(separator: separator) + "\n"
    }

    public func export(_ trackers: [Tracker]) -> String { export(trackers.map(\.tagSubject)) }
}
