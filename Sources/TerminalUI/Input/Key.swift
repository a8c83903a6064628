/// A key, decoded from whatever the terminal sent.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        }
    }
}

/// A key with its modifiers, as bindings name it: `Ctrl-A`, `Alt-←`, `Shift-↑`.
public struct KeyPress: Sendable, Hashable, CustomStringConvertible {
    public var key: Key
    public var ctrl: Bool
    public var alt: Bool
    public var shift: Bool

    public init(_ key: Key, ctrl: Bool = false, alt: Bool = false, shift: Bool = false) {
        self.key = key
        self.ctrl = ctrl
        self.alt = alt
        self.shift = shift
    }

    public static func char(_ c: Character) -> KeyPress { KeyPress(.character(c)) }
    public static func ctrl(_ c: Character) -> KeyPress { KeyPress(.character(c), ctrl: true) }
    public static func alt(_ c: Character) -> KeyPress { KeyPress(.character(c), alt: true) }

    /// `Ctrl-S`, `Alt-b`: a Ctrl chord names its letter in capitals, as keyboards do (Ctrl
    /// does not tell the cases apart); Alt keeps the case typed.
    public var description: String {
        var name = key.description
        if ctrl, case .character(let c) = key, c.isLetter { name = name.uppercased() }
        return (ctrl ? "Ctrl-" : "") + (alt ? "Alt-" : "") + (shift ? "Shift-" : "") + name
    }
}
