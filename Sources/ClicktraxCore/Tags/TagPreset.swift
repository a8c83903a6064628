/// The ad server that will serve the tags, and so fill their macros (RULES.md §11): an operator picks
/// the ad server, not the macros. A preset sets the cachebuster and the landing page (`redir`)
/// and nothing else; each value can still be changed after. Each is checked against the ad
/// server's own documentation, cited in `docs/TAGS.md`.
public enum TagPreset: String, Sendable, CaseIterable, Codable {
    case invest, gam, cm360, dv360, xandr

    public var label: String {
        switch self {
        case .invest: "Invest (placeholders)"
        case .gam: "Google Ad Manager"
        case .cm360: "Campaign Manager 360"
        case .dv360: "Display & Video 360"
        case .xandr: "Xandr / Monetize"
        }
    }

    /// A word for a narrow row of choices.
    public var shortLabel: String {
        switch self {
        case .invest: "Invest"
        case .gam: "GAM"
        case .cm360: "CM360"
        case .dv360: "DV360"
        case .xandr: "Xandr"
        }
    }

    /// The ad server's random number: its cachebuster.
    public var cachebuster: String {
        switch self {
        case .invest: TrackerMacro.cachebuster.placeholder
        case .gam: "%%CACHEBUSTER%%"
        case .cm360: "%n"
        case .dv360, .xandr: "${CACHEBUSTER}"
        }
    }

    /// What `redir` is: a value, empty and last (the ad server appends the landing page), or nil
    /// — no `redir`, so the click goes to the tracker's own Landing Page URL.
    public var redirect: String? {
        switch self {
        case .invest: TrackerMacro.redirectURL.placeholder
        case .cm360: ""
        case .gam, .dv360, .xandr: nil
        }
    }

    /// Whether the ad server appends the landing page after an empty trailing `redir=`.
    public var appendsLandingPage: Bool { self == .cm360 }

    /// Where the ad server's own click macro goes: outside the tag, in the ad server (told to the
    /// operator, never written into the tag).
    public var clickThroughNote: String? {
        switch self {
        case .invest: nil
        case .gam: "in Ad Manager, a creative's click-through puts %%CLICK_URL_UNESC%% before the tracker URL"
        case .cm360: "in CM360, use the tracker URL as a click-through event tag: it appends the landing page after redir= "
            + "(URL escape levels 0 keeps it unencoded, as Invest needs)"
        case .dv360, .xandr: "the ad server's ${CLICK_URL} goes before the tracker URL in the creative's click-through"
        }
    }

    /// Sets the cachebuster and `redir` of `options`; the rest is left as it was. An impression
    /// leads nowhere, so for impression trackers a preset sets the cachebuster and no `redir`
    /// (an operator who wants the pixel to pass on to another can still set one).
    public func apply(to options: inout TagOptions, for kind: TrackerKind = .click) {
        options.preset = self
        options.macros[.cachebuster] = cachebuster
        options.macros[.redirectURL] = kind == .click ? redirect : nil
    }
}
