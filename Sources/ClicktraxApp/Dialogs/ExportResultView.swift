import ClicktraxCore
import TerminalUI

/// The generated tags, whole, with what to do with them: Copy, Save to file…, Close.
public struct ExportResultView: Sendable, Equatable {
    public enum Action: Sendable, Equatable { case copy, save }

    public let export: TagExport
    public private(set) var focused = 0
    public private(set) var scroll = 0

    public init(export: TagExport) { self.export = export }

    static let buttons = ["Copy", "Save to file…", "Close"]

    public mutating func handle(_ event: InputEvent, screen: Rect) -> DialogOutcome<Action> {
        switch event {
        case .key(let press):
            switch press.key {
            case .escape, .character("q"): return .cancel
            case .character("c"), .character("y"): return .done(.copy)
            case .character("s"): return .done(.save)
            case .tab, .right: focused = (focused + 1) % Self.buttons.count
            case .backTab, .left: focused = (focused + Self.buttons.count - 1) % Self.buttons.count
            case .down: scroll += 1
            case .up: scroll = max(0, scroll - 1)
            case .pageDown: scroll += 10
            case .pageUp: scroll = max(0, scroll - 10)
            case .enter, .character(" "): return choose(focused)
            default: break
            }
        case .mouse(let mouse):
            switch mouse.kind {
            case .wheelDown: scroll += 3
            case .wheelUp: scroll = max(0, scroll - 3)
            case .press, .click:
                let frame = frame(in: screen)
                if mouse.y == frame.maxY - 2 {
                    var x = frame.x + 2
                    for (index, label) in Self.buttons.enumerated() {
                        let width = DisplayWidth.of(label) + 4
                        if mouse.x >= x && mouse.x < x + width { return choose(index) }
                        x += width + 2
                    }
                }
            default: break
            }
        default: break
        }
        return .stay
    }

    private mutating func choose(_ index: Int) -> DialogOutcome<Action> {
        focused = index
        switch index {
        case 0: return .done(.copy)
        case 1: return .done(.save)
        default: return .cancel
        }
    }

    func frame(in screen: Rect) -> Rect { screen.centered(width: min(screen.width - 2, 110), height: screen.height - 2) }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = frame(in: buffer.bounds)
        let count = export.trackers.count
        let inner = DialogFrame.render(title: "Tags — \(count) \(export.options.type.label)\(count == 1 ? "" : "s")", in: frame, theme: theme, into: &buffer)
        let warnings = export.warnings.prefix(2)
        let bottom = frame.maxY - 3 - warnings.count
        buffer.fill(Rect(x: inner.x, y: inner.y, width: inner.width, height: bottom - inner.y), role: .code, theme: theme)
        let lines = TextWrap.hard(export.text, width: inner.width)
        for (index, line) in lines.dropFirst(min(scroll, max(0, lines.count - 1))).prefix(bottom - inner.y).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + index, maxWidth: inner.width, role: .code, theme: theme)
        }
        for (index, warning) in warnings.enumerated() {
            buffer.write("⚠ \(warning)", x: inner.x, y: bottom + index, maxWidth: inner.width, role: .textWarning, theme: theme)
        }
        var x = inner.x
        for (index, label) in Self.buttons.enumerated() {
            x += ButtonWidget.render(label, focused: focused == index, x: x, y: frame.maxY - 2, theme: theme, into: &buffer) + 2
        }
        buffer.write("c copy · s save · ↑↓ scroll · Esc close", x: x + 1, y: frame.maxY - 2, maxWidth: max(0, inner.maxX - x - 1),
                     role: .textMuted, theme: theme)
    }
}
