/// How a cell looks: colours and attributes. Widgets never make one: they ask the theme for
/// the style of a role.
public struct Style: Sendable, Hashable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(
        foreground: Color = .terminalDefault, background: Color = .terminalDefault, bold: Bool = false,
        underline: Bool = false, reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    public static let plain = Style()

    /// The same style without colours: what the mono theme and colourless terminals show.
    public var monochrome: Style {
        Style(bold: bold, underline: underline, reverse: reverse, dim: dim)
    }
}
