/// One terminal cell. A wide character (CJK, emoji) sits in the first of its two cells; the
/// second is a `continuation`, drawn by the first and never on its own.
public struct Cell: Sendable, Equatable {
    public var character: Character
    public var style: Style
    /// 1, 2 for a wide character, 0 for the continuation of one.
    public var width: Int
    /// The theme role it was drawn with, for tests and themes; nil where nothing was drawn.
    public var role: ThemeRole?

    public init(_ character: Character = " ", style: Style = .plain, width: Int = 1, role: ThemeRole? = nil) {
        self.character = character
        self.style = style
        self.width = width
        self.role = role
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}
