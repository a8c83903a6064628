import TerminalUI

/// "Are you sure?" for a destructive action. Cancel has the focus, so Enter alone never destroys.
/// It knows only what to ask for on each answer — the feature that opened it does the rest.
public struct ConfirmDialog: Sendable, Equatable {
    public var title: String
    public var message: String
    public var confirmLabel: String
    /// What a yes asks for.
    public let onConfirm: AppIntent
    /// What a no (n, Esc, Cancel) asks for, if anything (a toast saying nothing happened).
    public let onDecline: AppIntent?
    public private(set) var confirmFocused = false

    public init(title: String, message: String, confirmLabel: String, onConfirm: AppIntent, onDecline: AppIntent? = nil) {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
        self.onConfirm = onConfirm
        self.onDecline = onDecline
    }

    private var confirm: ModalStep { .closeAndEmit(onConfirm) }
    private var decline: ModalStep { onDecline.map { .closeAndEmit($0) } ?? .close }

    public enum Action: Sendable, Equatable { case confirm, cancel, switchButton, pressFocused }

    public static let bindings: [Binding<Action>] = [
        Binding([.char("y")], .confirm, "Confirm"),
        Binding([.char("n"), KeyPress(.escape)], .cancel, "Cancel"),
        Binding([KeyPress(.tab), KeyPress(.backTab), KeyPress(.left), KeyPress(.right)], .switchButton, "Switch button"),
        Binding([KeyPress(.enter), .char(" ")], .pressFocused, "The focused button (Cancel first)"),
    ]

    public mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        switch event {
        case .key(let press):
            // Ctrl-C again on "Quit Clicktrax?" quits: the key that asked answers.
            if onConfirm == .quit && press == .ctrl("c") { return confirm }
            switch Binding.action(for: press, in: Self.bindings) {
            case .confirm: return confirm
            case .cancel: return decline
            case .switchButton: confirmFocused.toggle()
            case .pressFocused: return confirmFocused ? confirm : decline
            case nil: break
            }
        case .mouse(let mouse) where mouse.kind == .press || mouse.kind == .click:
            switch buttons(in: frame(in: screen)).button(atX: mouse.x, y: mouse.y) {
            case 0: return confirm
            case 1: return decline
            default: break
            }
        default:
            break
        }
        return .stay
    }

    func frame(in screen: Rect) -> Rect {
        let width = min(screen.width - 4, max(44, DisplayWidth.of(message) + 6))
        let lines = wrapped(width: width - 4)
        return screen.centered(width: width, height: lines.count + 4)
    }

    func wrapped(width: Int) -> [String] { TextWrap.words(message, width: width) }

    func buttons(in frame: Rect) -> ButtonRow {
        ButtonRow([confirmLabel, "Cancel"], x: frame.x + 2, y: frame.maxY - 2)
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = frame(in: buffer.bounds)
        let inner = DialogFrame.render(title: title, in: frame, theme: theme, into: &buffer)
        for (row, line) in wrapped(width: inner.width).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + row, maxWidth: inner.width, role: .dialog, theme: theme)
        }
        let row = buttons(in: frame)
        row.render(focused: confirmFocused ? 0 : 1, theme: theme, into: &buffer)
        buffer.write(FormRenderer.whole(Binding.hintLine(Self.bindings), width: max(0, inner.maxX - row.maxX - 2)), x: row.maxX + 2,
                     y: row.areas[0].y,
                     role: .textMuted, theme: theme)
    }
}
