/// The bottom line of key hints: `Enter Open  / Filter  ? Help`, cut to the width.
public enum FooterWidget {
    public static func render(_ hints: [(key: String, label: String)], y: Int, width: Int, theme: Theme, into buffer: inout ScreenBuffer) {
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), role: .footer, theme: theme)
        var x = 1
        for hint in hints {
            let needed = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label) + 2
            if x + needed > width { break }
            x += buffer.write(hint.key, x: x, y: y, role: .footerKey, theme: theme)
            x += buffer.write(" " + hint.label + "  ", x: x, y: y, role: .footer, theme: theme)
        }
    }
}

/// A transient message above the footer, right-aligned, in the style of its kind.
public struct Toast: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, error }

    public var message: String
    public var kind: Kind
    /// Frames or ticks left before it goes; the owner counts down.
    public var remainingTicks: Int

    public init(_ message: String, kind: Kind = .info, ticks: Int = 40) {
        self.message = message
        self.kind = kind
        remainingTicks = ticks
    }

    /// The most lines a toast takes; past them the message is cut (with `…`).
    public static let maxLines = 4

    /// The message wrapped to the width a toast may take: whole, on the lines it needs.
    public func lines(width: Int) -> [String] {
        let wrapped = TextWrap.words(message, width: max(1, width - 4))
        guard wrapped.count > Self.maxLines else { return wrapped }
        return Array(wrapped.prefix(Self.maxLines - 1)) + [DisplayWidth.truncate(wrapped[(Self.maxLines - 1)...].joined(separator: " "),
                                                                                to: max(1, width - 4))]
    }

    /// Draws the toast right-aligned, its lines ending on row `y` (growing up) or starting on it
    /// (growing down, under the title bar when a dialog holds the bottom rows). The rows taken.
    @discardableResult
    public func render(y: Int, width: Int, growingUp: Bool = true, theme: Theme, into buffer: inout ScreenBuffer) -> Range<Int> {
        let lines = lines(width: width)
        let boxWidth = (lines.map(DisplayWidth.of).max() ?? 0) + 2
        let role: ThemeRole = kind == .error ? .toastError : kind == .success ? .toastSuccess : .toastInfo
        let top = growingUp ? y - lines.count + 1 : y
        for (index, line) in lines.enumerated() {
            let text = " " + line + String(repeating: " ", count: boxWidth - 2 - DisplayWidth.of(line)) + " "
            buffer.write(text, x: max(0, width - boxWidth - 1), y: top + index, role: role, theme: theme)
        }
        return top..<(top + lines.count)
    }
}
