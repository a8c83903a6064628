import TerminalUI

/// The whole terminal's parts, the same for every screen: the title bar (product, screens,
/// database), the screen's own area, the status line (toasts, background progress) over the
/// screen's last row, and the footer of key hints.
public struct AppLayout: Sendable, Equatable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public let bounds: Rect

    public init(width: Int, height: Int) { bounds = Rect(x: 0, y: 0, width: width, height: height) }

    public var isTooSmall: Bool { bounds.width < Self.minimumWidth || bounds.height < Self.minimumHeight }
    public var title: Rect { bounds.row(0) }
    public var body: Rect { Rect(x: 0, y: 1, width: bounds.width, height: bounds.height - 2) }
    public var status: Rect { bounds.row(bounds.height - 2) }
    public var footer: Rect { bounds.row(bounds.height - 1) }
}
