import TerminalUI

/// A message to read and dismiss: an import's summary, or why it was refused.
public struct MessageDialog: Sendable, Equatable {
    public var title: String
    public var lines: [String]
    public var isError: Bool
    public private(set) var scroll = 0

    public init(title: String, lines: [String], isError: Bool = false) {
        self.title = title
        self.lines = lines
        self.isError = isError
    }

    public enum Action: Sendable, Equatable { case close, down, up }

    public static let bindings: [Binding<Action>] = [
        Binding([KeyPress(.enter), KeyPress(.escape), .char("q"), .char(" ")], .close, "Close", footer: "close"),
        Binding([KeyPress(.down), .char("j")], .down, "Scroll down", footer: "scroll"),
        Binding([KeyPress(.up), .char("k")], .up, "Scroll up"),
    ]

    public mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        switch event {
        case .key(let press):
            switch Binding.action(for: press, in: Self.bindings) {
            case .close: return .close
            case .down: scroll = min(max(0, lines.count - 1), scroll + 1)
            case .up: scroll = max(0, scroll - 1)
            case nil: break
            }
        case .mouse(let mouse) where mouse.kind == .press || mouse.kind == .click:
            return .close
        default:
            break
        }
        return .stay
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let width = min(buffer.width - 4, 100)
        // Long lines (paths, problems) wrap rather than lose their end.
        let wrapped = lines.enumerated().flatMap { index, line in TextWrap.hard(line, width: width - 4).map { (index, $0) } }
        let height = min(buffer.height - 2, wrapped.count + 4)
        let frame = buffer.bounds.centered(width: width, height: height)
        let inner = DialogFrame.render(title: title, in: frame, theme: theme, into: &buffer)
        for (row, entry) in wrapped.dropFirst(scroll).prefix(inner.height - 1).enumerated() {
            buffer.write(entry.1, x: inner.x, y: inner.y + row, maxWidth: inner.width,
                         role: isError && entry.0 > 0 ? .textError : .dialog, theme: theme)
        }
        buffer.write(FormRenderer.whole(Binding.hintLine(Self.bindings), width: inner.width), x: inner.x, y: inner.maxY - 1, role: .textMuted,
                     theme: theme)
    }
}
