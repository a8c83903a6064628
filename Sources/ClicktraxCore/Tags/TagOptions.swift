/// Everything the Export Trackers dialog (or `clicktrax export`) decides about the tags.
public struct TagOptions: Sendable, Equatable, Codable {
    public static let defaultHost = "ib.adnxs.com"
    public static let defaultLinkText = "YOUR TEXT HERE"

    public var type: ExportType
    /// https; `false` gives Invest's `http` example. A pixel is always secure.
    public var secure: Bool
    /// Write `&` as `&amp;` in attributes. Either way a browser reaches the same URL.
    public var escapeAmpersands: Bool
    /// The macros ticked, each with its value (the placeholder unless changed).
    public var macros: [TrackerMacro: String]
    public var host: String
    /// The text of the Link type's anchor; HTML-escaped in the tag.
    public var linkText: String
    /// The ad server the macros were set for, if a preset set them (the lint checks the landing
    /// page against it). Options remembered before presets existed have none.
    public var preset: TagPreset?

    public init(
        type: ExportType = .javascript, secure: Bool = true, escapeAmpersands: Bool = false,
        macros: [TrackerMacro: String] = [:], host: String = TagOptions.defaultHost,
        linkText: String = TagOptions.defaultLinkText, preset: TagPreset? = nil
    ) {
        self.preset = preset
        self.type = type
        self.secure = secure
        self.escapeAmpersands = escapeAmpersands
        self.macros = macros
        self.host = host
        self.linkText = linkText
    }

    /// A pixel is always secure, whatever was asked.
    public var effectiveSecure: Bool { type == .pixel || secure }

    /// The options as an export of `kind` takes them: an impression tracker has no Link and no
    /// landing page, so options made for clicks give it the JavaScript tag and no `redir`.
    public func adapted(for kind: TrackerKind) -> TagOptions {
        guard kind == .impression else { return self }
        var options = self
        options.macros[.redirectURL] = nil
        if !kind.exportTypes.contains(options.type) { options.type = .javascript }
        return options
    }

    /// Ticks a macro with its placeholder, or with `value`.
    public mutating func use(_ macro: TrackerMacro, value: String? = nil) {
        macros[macro] = value ?? macro.placeholder
    }
}
