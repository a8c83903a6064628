/// Everything the terminal can tell the app.
public enum InputEvent: Sendable, Equatable {
    case key(KeyPress)
    case mouse(MouseEvent)
    /// Bracketed paste: the pasted text in one piece, never mistaken for keys.
    case paste(String)
    /// The terminal's new size.
    case resize(width: Int, height: Int)
}

public struct MouseEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case press, release, click, doubleClick, wheelUp, wheelDown }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
