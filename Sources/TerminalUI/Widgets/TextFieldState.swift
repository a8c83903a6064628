/// A single-line text field's state: the text, the cursor, the scroll. Editing follows
/// readline: Ctrl-A/E home/end, Ctrl-U/K delete to start/end, Ctrl-W delete the word before,
/// Alt-B/F or Ctrl-←/→ move by word.
public struct TextFieldState: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// 0…count, in characters.
    public private(set) var cursor: Int
    /// The first character shown, when the text is wider than the field.
    public private(set) var scroll = 0
    public var placeholder: String
    /// Shown in the error style, beside or under the field, by whoever owns it.
    public var error: String?
    public var maxLength: Int

    public init(_ text: String = "", placeholder: String = "", maxLength: Int = 10_000) {
        characters = Array(text)
        cursor = characters.count
        self.placeholder = placeholder
        self.maxLength = maxLength
    }

    public var text: String {
        get { String(characters) }
        set { characters = Array(newValue); cursor = min(cursor, characters.count); scroll = min(scroll, cursor) }
    }

    /// Applies an editing key; false when the key is not the field's (Tab, Enter, Esc…).
    public mutating func handle(_ press: KeyPress) -> Bool {
        switch (press.key, press.ctrl, press.alt) {
        case (.character(let c), false, false):
            insert(String(c))
        case (.character("a"), true, false), (.home, _, _):
            cursor = 0
        case (.character("e"), true, false), (.end, _, _):
            cursor = characters.count
        case (.character("u"), true, false):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case (.character("k"), true, false):
            characters.removeSubrange(cursor...)
        case (.character("w"), true, false), (.backspace, _, true):
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case (.character("b"), false, true), (.left, true, _):
            cursor = wordStart(before: cursor)
        case (.character("f"), false, true), (.right, true, _):
            cursor = wordEnd(after: cursor)
        case (.left, false, false):
            cursor = max(0, cursor - 1)
        case (.right, false, false):
            cursor = min(characters.count, cursor + 1)
        case (.backspace, false, false):
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case (.delete, false, false), (.character("d"), true, false):
            if cursor < characters.count { characters.remove(at: cursor) }
        default:
            return false
        }
        return true
    }

    /// Inserts typed or pasted text at the cursor: line breaks and tabs become spaces, control
    /// characters are dropped, and the field never grows past `maxLength`.
    public mutating func insert(_ text: String) {
        var added: [Character] = []
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\t" || character == "\r" {
                added.append(" ")
            } else if !(character.unicodeScalars.first?.properties.generalCategory == .control) {
                added.append(character)
            }
        }
        let room = max(0, maxLength - characters.count)
        characters.insert(contentsOf: added.prefix(room), at: cursor)
        cursor += min(room, added.count)
    }

    /// Moves `scroll` so the cursor is visible in a field `width` cells wide.
    public mutating func scrollToCursor(width: Int) {
        guard width > 1 else { scroll = cursor; return }
        if cursor < scroll { scroll = cursor }
        while DisplayWidth.of(String(characters[scroll..<cursor])) > width - 1 { scroll += 1 }
    }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0 && characters[i - 1] == " " { i -= 1 }
        while i > 0 && characters[i - 1] != " " { i -= 1 }
        return i
    }

    private func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count && characters[i] == " " { i += 1 }
        while i < characters.count && characters[i] != " " { i += 1 }
        return i
    }
}
