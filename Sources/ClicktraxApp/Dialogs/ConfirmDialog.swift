import TerminalUI

/// "Are you sure?" for a destructive action. Cancel has the focus, so Enter alone never destroys.
public struct ConfirmDialog: Sendable, Equatable {
    public var title: String
    public var message: String
    public var confirmLabel: String
    public private(set) var confirmFocused = false

    public init(title: String, message: String, confirmLabel: String) {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
    }

    public mutating func handle(_ event: InputEvent, screen: Rect) -> DialogOutcome<Bool> {
        switch event {
        case .key(let press):
            switch press.key {
            case .escape, .character("n"): return .cancel
            case .character("y"): return .done(true)
            case .tab, .backTab, .left, .right: confirmFocused.toggle()
            case .enter, .character(" "): return confirmFocused ? .done(true) : .cancel
            default: break
            }
        case .mouse(let mouse) where mouse.kind == .press || mouse.kind == .click:
            let buttons = buttonAreas(in: frame(in: screen))
            if buttons.confirm.contains(x: mouse.x, y: mouse.y) { return .done(true) }
            if buttons.cancel.contains(x: mouse.x, y: mouse.y) { return .cancel }
        default:
            break
        }
        return .stay
    }

    func frame(in screen: Rect) -> Rect {
        let width = min(screen.width - 4, max(44, DisplayWidth.of(message) + 6))
        let lines = wrapped(width: width - 4)
        return screen.centered(width: width, height: lines.count + 5)
    }

    func wrapped(width: Int) -> [String] { TextWrap.words(message, width: width) }

    func buttonAreas(in frame: Rect) -> (confirm: Rect, cancel: Rect) {
        let y = frame.maxY - 2
        let confirmWidth = DisplayWidth.of(confirmLabel) + 4
        let confirm = Rect(x: frame.x + 2, y: y, width: confirmWidth, height: 1)
        let cancel = Rect(x: confirm.maxX + 2, y: y, width: 10, height: 1)
        return (confirm, cancel)
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = frame(in: buffer.bounds)
        let inner = DialogFrame.render(title: title, in: frame, theme: theme, into: &buffer)
        for (row, line) in wrapped(width: inner.width).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + row, maxWidth: inner.width, role: .dialog, theme: theme)
        }
        let buttons = buttonAreas(in: frame)
        ButtonWidget.render(confirmLabel, focused: confirmFocused, x: buttons.confirm.x, y: buttons.confirm.y, theme: theme, into: &buffer)
        ButtonWidget.render("Cancel", focused: !confirmFocused, x: buttons.cancel.x, y: buttons.cancel.y, theme: theme, into: &buffer)
    }
}
