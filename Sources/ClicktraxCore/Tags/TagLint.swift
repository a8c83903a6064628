import Foundation

/// One finding of the lint shown before an export (RULES.md §3). Errors block the export;
/// warnings are shown and let it go ahead; notes say how to use the tags (a preset's ad server).
public struct LintFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    /// Nil for a finding about the options, not one tracker.
    public var trackerId: Int64?
    public var message: String

    public init(_ severity: Severity, trackerId: Int64?, _ message: String) {
        self.severity = severity
        self.trackerId = trackerId
        self.message = message
    }

    public var description: String {
        (trackerId.map { "tracker \($0): " } ?? "") + message
    }
}

/// Checks an export before it is made.
public enum TagLint {
    public static func check(_ trackers: [Tracker], options: TagOptions) -> [LintFinding] {
        check(trackers.map(\.tagSubject), options: options)
    }

    public static func check(_ trackers: [TagSubject], options: TagOptions) -> [LintFinding] {
        var findings: [LintFinding] = []
        if trackers.isEmpty { findings.append(LintFinding(.error, trackerId: nil, "no trackers to export: select at least one")) }
        if let problem = HostRules.problem(options.host) {
            findings.append(LintFinding(.error, trackerId: nil, "tracker host: \(problem)"))
        }
        for macro in TrackerMacro.allCases {
            if let value = options.macros[macro], let problem = MacroValueRules.problem(value, for: macro) {
                findings.append(LintFinding(.error, trackerId: nil, "\(macro.label): \(problem)"))
            }
        }
        if !options.effectiveSecure {
            findings.append(LintFinding(.warning, trackerId: nil, "non-secure (http) tag: https pages will block it; export a secure tag unless the ad server needs http"))
        }
        let kinds = Set(trackers.map(\.kind))
        if options.type == .link { findings += linkTextFindings(options.linkText) }
        for kind in TrackerKind.allCases where kinds.contains(kind) && !kind.exportTypes.contains(options.type) {
            findings.append(LintFinding(.error, trackerId: nil, "an \(kind.noun) has no \(options.type.label) tag (it would count a click): "
                + "choose " + kind.exportTypes.dropLast().map(\.label).joined(separator: ", ") + " or " + kind.exportTypes.last!.label))
        }
        // The landing page and the ad server's click-through are a click's; an impression leads nowhere.
        if kinds.contains(.click) { findings += landingPageFindings(options) }
        let hasRedirect = options.macros[.redirectURL] != nil
        for tracker in trackers {
            let counted = tracker.kind.counted
            if InvestIDs.isProvisional(tracker.id) {
                let remedy = "send it first with clicktrax invest push (More Actions › Push)"
                findings.append(LintFinding(.error, trackerId: tracker.id, "not on Invest yet: its tags would count no \(counted); \(remedy)"))
            }
            if tracker.kind == .click && tracker.landingPage == nil && !hasRedirect {
                let message = "no landing page: the tracker has no Landing Page URL and REDIRECT_URL is not set, so clicks would go nowhere"
                // A link or bare URL is the click-through itself: leading nowhere is an error.
                // A JavaScript tag or pixel rides beside the ad server's own click-through.
                findings.append(LintFinding(options.type.isClickThrough ? .error : .warning, trackerId: tracker.id, message))
            }
            if let rule = tracker.paymentRule, options.macros[.ancost] != nil {
                findings.append(LintFinding(.warning, trackerId: tracker.id, "ANCOST overrides its payment rule “\(rule.name)”"))
            }
            if tracker.state == .inactive {
                findings.append(LintFinding(.warning, trackerId: tracker.id, "inactive: Invest records no \(counted) on it until it is activated"))
            } else if tracker.state != .active {
                findings.append(LintFinding(.warning, trackerId: tracker.id,
                    "state “\(TerminalSafe.clip(tracker.state.rawValue, 30))” on Invest: it may record no \(counted) until it is active"))
            }
        }
        return findings
    }

    /// An empty trailing `redir=` is the ad server's to fill: said, and a warning where the chosen
    /// ad server does not append one; the preset's own note on where its click macro goes.
    static func landingPageFindings(_ options: TagOptions) -> [LintFinding] {
        var findings: [LintFinding] = []
        if options.macros[.redirectURL] == "" {
            if let preset = options.preset, !preset.appendsLandingPage {
                findings.append(LintFinding(.warning, trackerId: nil, "REDIRECT_URL is empty, but \(preset.label) does not append a "
                    + "landing page after redir=: clicks would go nowhere (choose CM360, or set REDIRECT_URL)"))
            } else {
                findings.append(LintFinding(.warning, trackerId: nil,
                    "REDIRECT_URL is empty and last (…&redir=): the ad server must append the landing page, as CM360's click-through event tag does"))
            }
        }
        if let note = options.preset?.clickThroughNote {
            findings.append(LintFinding(.note, trackerId: nil, note))
        }
        return findings
    }

    /// The longest link text a tag takes: a sentence, not a page.
    public static let maxLinkText = 200

    /// A link's text: what the reader sees, so no bidi overrides or invisible characters that
    /// would make it read as something else (it is HTML-escaped either way), and not empty (an
    /// empty link cannot be clicked).
    static func linkTextFindings(_ text: String) -> [LintFinding] {
        // A line break or a tab is only white space in HTML text; other controls and every
        // format character (bidi overrides, zero-width joiners) are refused.
        if let bad = text.unicodeScalars.first(where: {
            ($0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t") || $0.properties.generalCategory == .format
        }) {
            return [LintFinding(.error, trackerId: nil, "link text: must not contain \(bad.codePointLabel) (control and bidi/format characters are not allowed)")]
        }
        let length = text.unicodeScalars.count
        if length > maxLinkText {
            return [LintFinding(.error, trackerId: nil, "link text: at most \(maxLinkText) characters (got \(length))")]
        }
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            return [LintFinding(.warning, trackerId: nil, "link text is empty: the link shows nothing to click")]
        }
        return []
    }

    public static func errors(in findings: [LintFinding]) -> [LintFinding] { findings.filter { $0.severity == .error } }
}
