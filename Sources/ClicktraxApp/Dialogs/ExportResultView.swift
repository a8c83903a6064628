import ClicktraxCore
import TerminalUI

/// The generated tags, whole, with what to do with them: Copy, Save to file…, Close. It takes
/// the whole terminal and draws the tags unwrapped from the first column, with no border beside
/// them, so text selected on screen by hand is the tag itself. A line wider than the terminal is
/// never cut with a `…` inside it (that selected would be a broken tag): it runs to the last
/// column but one, the last says `›` (more to the right), ←→ scroll every line together, and `o`
/// opens the tags in the pager (`$PAGER`, `less -S`) for the terminal's own selection.
public struct ExportResultView: Sendable, Equatable {
    public let export: TagExport
    public private(set) var focused = 0
    public private(set) var scroll = 0
    public private(set) var sideways = 0

    public init(export: TagExport) { self.export = export }

    static let buttonLabels = ["Copy", "Save to file…", "Close"]

    public enum Action: Sendable, Equatable { case copy, save, page, close, nextButton, previousButton, press, down, up, pageDown, pageUp, left, right }

    public static let bindings: [Binding<Action>] = [
        Binding([.char("c"), .char("y")], .copy, "Copy the tags to the clipboard", footer: "copy"),
        Binding([.char("s")], .save, "Save the tags to a file", footer: "save"),
        Binding([.char("o")], .page, "Open the tags in the pager ($PAGER, else less -S) to select them whole", footer: "pager"),
        Binding([KeyPress(.escape), .char("q")], .close, "Close", footer: "close"),
        Binding([KeyPress(.tab)], .nextButton, "Next button"),
        Binding([KeyPress(.backTab)], .previousButton, "Previous button"),
        Binding([KeyPress(.enter), .char(" ")], .press, "The focused button"),
        Binding([KeyPress(.down), .char("j")], .down, "Scroll down", footer: "scroll"),
        Binding([KeyPress(.up), .char("k")], .up, "Scroll up"),
        Binding([KeyPress(.pageDown)], .pageDown, "Page down"),
        Binding([KeyPress(.pageUp)], .pageUp, "Page up"),
        Binding([KeyPress(.left), .char("h")], .left, "Scroll left"),
        Binding([KeyPress(.right), .char("l")], .right, "Scroll right", footer: "sideways"),
    ]

    var lines: [Substring] { export.text.split(separator: "\n", omittingEmptySubsequences: false) }

    public mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        let layout = Layout(screen: screen, warnings: warningLines(width: screen.width - 2).count)
        switch event {
        case .key(let press):
            switch Binding.action(for: press, in: Self.bindings) {
            case .copy: return .emit(.delivery(.copy(export)))
            case .save: return .push(.path(.saveTags(export)))
            case .page: return .emit(.delivery(.page(export)))
            case .close: return .close
            case .nextButton: focused = (focused + 1) % Self.buttonLabels.count
            case .previousButton: focused = (focused + Self.buttonLabels.count - 1) % Self.buttonLabels.count
            case .press: return pressButton(focused)
            case .down: scroll(by: 1, layout)
            case .up: scroll(by: -1, layout)
            case .pageDown: scroll(by: layout.code.height - 1, layout)
            case .pageUp: scroll(by: -(layout.code.height - 1), layout)
            case .left: sideways = max(0, sideways - 20)
            case .right: sideways = min(max(0, (lines.map { DisplayWidth.of(String($0)) }.max() ?? 0) - 20), sideways + 20)
            case nil: break
            }
        case .mouse(let mouse):
            switch mouse.kind {
            case .wheelDown: scroll(by: 3, layout)
            case .wheelUp: scroll(by: -3, layout)
            case .press, .click:
                if let index = layout.buttons.button(atX: mouse.x, y: mouse.y) { return pressButton(index) }
            default: break
            }
        default: break
        }
        return .stay
    }

    private mutating func scroll(by delta: Int, _ layout: Layout) {
        scroll = max(0, min(max(0, lines.count - layout.code.height), scroll + delta))
    }

    private mutating func pressButton(_ index: Int) -> ModalStep {
        focused = index
        switch index {
        case 0: return .emit(.delivery(.copy(export)))
        case 1: return .push(.path(.saveTags(export)))
        default: return .close
        }
    }

    /// The warnings under the tags, each wrapped whole: as many whole ones as 4 rows hold, then
    /// how many more there are.
    func warningLines(width: Int) -> [String] {
        var lines: [String] = []
        for (index, warning) in export.warnings.enumerated() {
            let wrapped = TextWrap.words("⚠ \(warning)", width: max(1, width))
            let left = export.warnings.count - index - 1
            if lines.count + wrapped.count + (left > 0 ? 1 : 0) > Self.warningRows {
                lines.append("… \(export.warnings.count - index) more warnings (clicktrax export lists every one)")
                break
            }
            lines += wrapped
        }
        return lines
    }

    static let warningRows = 4

    struct Layout {
        let title: Rect
        let code: Rect
        let warnings: Rect
        let buttons: ButtonRow

        init(screen: Rect, warnings count: Int) {
            let (title, rest) = screen.splitTop(1)
            let (body, bottom) = rest.splitBottom(1)
            let (code, warnings) = body.splitBottom(min(ExportResultView.warningRows, count))
            self.title = title
            self.code = code
            self.warnings = warnings
            buttons = ButtonRow(ExportResultView.buttonLabels, x: bottom.x + 1, y: bottom.y)
        }
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let warnings = warningLines(width: buffer.width - 2)
        let layout = Layout(screen: buffer.bounds, warnings: warnings.count)
        let count = export.trackers.count
        buffer.fill(layout.title, role: .dialogBorder, theme: theme)
        let which = TrackerIDsText.of(export.trackers.map(\.id), kind: export.kind ?? .click)
        buffer.write(" Tags — \(count) \(export.options.type.label)\(count == 1 ? "" : "s") of \(which)  (c copies them whole · o opens the pager)",
                     x: 0, y: layout.title.y, maxWidth: layout.title.width, role: .dialogTitle, theme: theme)
        buffer.fill(layout.code, role: .code, theme: theme)
        for (row, line) in lines.dropFirst(scroll).prefix(layout.code.height).enumerated() {
            let y = layout.code.y + row
            let (shown, cut) = DisplayWidth.prefix(Self.dropColumns(sideways, of: String(line)), cells: layout.code.width - 1)
            buffer.write(shown, x: 0, y: y, role: .code, theme: theme)
            // The last column is the mark's: `›`, more of this line to the right.
            if cut { buffer.write("›", x: layout.code.maxX - 1, y: y, role: .textMuted, theme: theme) }
        }
        buffer.fill(layout.warnings, role: .dialog, theme: theme)
        for (index, line) in warnings.enumerated() where index < layout.warnings.height {
            buffer.write(line, x: 1, y: layout.warnings.y + index, maxWidth: layout.warnings.width - 2, role: .textWarning, theme: theme)
        }
        buffer.fill(Rect(x: 0, y: layout.buttons.areas[0].y, width: buffer.width, height: 1), role: .dialog, theme: theme)
        layout.buttons.render(focused: focused, theme: theme, into: &buffer)
        buffer.write(FormRenderer.whole(Binding.hintLine(Self.bindings), width: max(0, buffer.width - layout.buttons.maxX - 3)),
                     x: layout.buttons.maxX + 2, y: layout.buttons.areas[0].y, role: .textMuted, theme: theme)
        buffer.cursor = nil
    }

    /// The line from its `columns`-th cell on (sideways scrolling).
    static func dropColumns(_ columns: Int, of line: String) -> String {
        guard columns > 0 else { return line }
        var used = 0
        var index = line.startIndex
        while index < line.endIndex, used < columns {
            used += DisplayWidth.of(line[index])
            index = line.index(after: index)
        }
        return String(line[index...])
    }
}
