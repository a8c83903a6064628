/// The Advanced Options: macros the ad server fills in when the click happens.
public enum TrackerMacro: String, Sendable, CaseIterable, Codable {
    case cachebuster
    case ancost
    case redirectURL = "redirect-url"

    /// The URL parameter, in the order RULES.md §3 fixes: id, cachebuster, ancost, t, redir.
    var parameter: String {
        switch self {
        case .cachebuster: "cachebuster"
        case .ancost: "ancost"
        case .redirectURL: "redir"
        }
    }

    /// Invest's bracket placeholder, the default value.
    public var placeholder: String {
        switch self {
        case .cachebuster: "[CACHEBUSTER]"
        case .ancost: "[ANCOST]"
        case .redirectURL: "[REDIRECT_URL]"
        }
    }

    public var label: String {
        switch self {
        case .cachebuster: "CACHEBUSTER"
        case .ancost: "ANCOST"
        case .redirectURL: "REDIRECT_URL"
        }
    }
}
