/// The rule for a Landing Page URL (and any URL that may reach a tag): an absolute `http` or
/// `https` URL of at most 1000 characters, and nothing else.
///
/// Deliberately stricter than a URL parser: no white space or control characters anywhere (so a
/// scheme cannot be smuggled past a check as `java\tscript:`), no characters that could end an
/// double-quoted HTML attribute or open markup (`"` `<` `>` `` ` `` `\`), no invisible format characters
/// (bidi overrides, zero-width spaces) that would make the URL read differently from what it is.
public enum LandingPageURL {
    public static let maxLength = 1000

    /// Nil when `url` is acceptable, else what is wrong with it.
    public static func problem(_ url: String) -> String? {
        if url.isEmpty { return "must not be empty (leave it out for no landing page)" }
        let length = url.unicodeScalars.count
        if length > maxLength { return "at most \(maxLength) characters (got \(length))" }
        if let bad = url.unicodeScalars.first(where: isForbidden) {
            return "must not contain \(bad.codePointLabel) (white space, control, quote and markup characters are not allowed)"
        }
        guard let schemeEnd = url.firstIndex(of: ":") else {
            return "must be an absolute http:// or https:// URL (got \(quoted(url)))"
        }
        let scheme = url[..<schemeEnd].lowercased()
        guard scheme == "http" || scheme == "https" else {
            return "must be an absolute http:// or https:// URL (got \(quoted(url)))"
        }
        let rest = url[url.index(after: schemeEnd)...]
        guard rest.hasPrefix("//") else {
            return "must be an absolute http:// or https:// URL with a host (got \(quoted(url)))"
        }
        let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        let host = hostAndPort.hasPrefix("[")
            ? hostAndPort.prefix { $0 != "]" }.dropFirst()
            : hostAndPort.prefix { $0 != ":" }
        if host.isEmpty { return "must name a host after \(scheme):// (got \(quoted(url)))" }
        return nil
    }

    public static func isValid(_ url: String) -> Bool { problem(url) == nil }

    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "<", ">", "`", "\\": return true
        default: break
        }
        switch s.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .privateUse, .surrogate, .unassigned:
            return true
        default:
            return false
        }
    }

    static func quoted(_ url: String) -> String {
        let shown = url.count > 60 ? String(url.prefix(57)) + "…" : url
        return "“\(shown)”"
    }
}
