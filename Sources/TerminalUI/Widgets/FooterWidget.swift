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

    public func render(y: Int, width: Int, theme: Theme, into buffer: inout ScreenBuffer) {
        let text = " " + DisplayWidth.truncate(message, to: max(1, width - 4)) + " "
        let role: ThemeRole = kind == .error ? .toastError : kind == .success ? .toastSuccess : .toastInfo
        buffer.write(text, x: max(0, width - DisplayWidth.of(text) - 1), y: y, role: role, theme: theme)
    }
}
