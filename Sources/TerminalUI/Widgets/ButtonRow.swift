/// A row of buttons, `[ Save ]  [ Cancel ]`: where each one is (for drawing and for the mouse,
/// from the one computation) and which one a click hit.
public struct ButtonRow: Sendable, Equatable {
    public let labels: [String]
    public let areas: [Rect]

    /// The buttons laid out from (x, y), two cells apart.
    public init(_ labels: [String], x: Int, y: Int) {
        self.labels = labels
        var areas: [Rect] = []
        var left = x
        for label in labels {
            let width = DisplayWidth.of(label) + 4
            areas.append(Rect(x: left, y: y, width: width, height: 1))
            left += width + 2
        }
        self.areas = areas
    }

    /// The first column after the last button (where a hint may go).
    public var maxX: Int { areas.last?.maxX ?? 0 }

    /// The button at a cell, if any.
    public func button(atX x: Int, y: Int) -> Int? {
        areas.firstIndex { $0.contains(x: x, y: y) }
    }

    /// `toolbar`: drawn in the toolbar's button roles rather than a dialog's.
    public func render(focused: Int?, toolbar: Bool = false, theme: Theme, into buffer: inout ScreenBuffer) {
        for (index, area) in areas.enumerated() {
            let role: ThemeRole = toolbar ? (focused == index ? .toolbarButtonFocused : .toolbarButton)
                : (focused == index ? .buttonFocused : .button)
            buffer.write("[ \(labels[index]) ]", x: area.x, y: area.y, role: role, theme: theme)
        }
    }
}
