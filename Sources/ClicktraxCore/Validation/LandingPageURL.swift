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
        // `https://www.bank.example@evil.example/` goes to evil.example: no user part at all.
        if authority.contains("@") {
            return "must not hold a user name or password before the host (user@host): the browser would go to what follows the @ (got \(quoted(url)))"
        }
        guard let (host, port) = split(authority) else {
            return "must name a host after \(scheme):// (got \(quoted(url)))"
        }
        if let port, Int(port).map({ (1...65535).contains($0) }) != true || !port.allSatisfy(\.isASCII) {
            return "has an invalid port “\(port.prefix(12))” (expected 1 to 65535)"
        }
        if !host.hasPrefix("["), let problem = hostProblem(host) { return problem }
        return nil
    }

    /// The host and the port (nil: none) of an authority; nil when there is no host.
    static func split(_ authority: Substring) -> (host: Substring, port: Substring?)? {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let host = authority[...close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return nil }
            return host.count > 2 ? (host, after.isEmpty ? nil : after.dropFirst()) : nil
        }
        let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty else { return nil }
        return (host, parts.count == 2 ? parts[1] : nil)
    }

    /// Dots other than "." that some software reads as one (the ideographic and fullwidth ones).
    static let foreignDots: Set<Unicode.Scalar> = ["\u{3002}", "\u{FF0E}", "\u{FF61}"]

    static func hostProblem(_ host: Substring) -> String? {
        if let dot = host.unicodeScalars.first(where: foreignDots.contains) {
            return "has \(dot.codePointLabel) in its host: only “.” separates a host's labels"
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.contains(where: \.isEmpty) { return "has an empty label in its host “\(host.prefix(60))” (two dots, or a dot at an end)" }
        for label in labels {
            guard label.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType == .decimal || $0 == "-" || $0 == "_" }),
                  !label.hasPrefix("-"), !label.hasSuffix("-") else {
                return "has a host label “\(label.prefix(40))” that is not letters, digits and inner hyphens"
            }
            guard let ascii = asciiLabel(label), ascii.utf8.count <= 63 else {
                return "has a host label longer than 63 letters (“\(label.prefix(40))…”)"
            }
        }
        return nil
    }

    /// A label in its DNS form: lower-cased; with letters beyond ASCII, `xn--` and Punycode.
    static func asciiLabel(_ label: Substring) -> String? {
        let lower = String(label).precomposedStringWithCanonicalMapping.lowercased()
        if lower.unicodeScalars.allSatisfy(\.isASCII) { return lower }
        return Punycode.encode(lower).map { "xn--" + $0 }
    }

    /// The URL as stored and put in tags: its scheme and host lower-cased, a host with letters
    /// beyond ASCII in its `xn--` form; the rest exactly as given. Only for a URL `problem`
    /// accepts.
    public static func normalized(_ url: String) -> String {
        guard problem(url) == nil, let schemeEnd = url.firstIndex(of: ":") else { return url }
        let rest = url[url.index(schemeEnd, offsetBy: 3)...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let (host, port) = split(authority) else { return url }
        let asciiHost = host.hasPrefix("[") ? host.lowercased()
            : host.split(separator: ".").compactMap(asciiLabel).joined(separator: ".")
        return url[..<schemeEnd].lowercased() + "://" + asciiHost + (port.map { ":" + $0 } ?? "") + rest.dropFirst(authority.count)
    }

    public static func isValid(_ url: String) -> Bool { problem(url) == nil }

    /// A URL as typed or pasted, its edges trimmed of white space and line breaks (a copied URL
    /// often brings its newline): what the rules judge and the store keeps.
    public static func trimmed(_ url: String) -> String {
        url.trimmingCharacters(in: .whitespacesAndNewlines)
    }

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
