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
        if let action = Binding.action(for: press, in: TextFieldAction.bindings) {
            apply(action)
            return true
        }
        guard case .character(let c) = press.key, !press.ctrl, !press.alt else { return false }
        insert(String(c))
        return true
    }

    public mutating func apply(_ action: TextFieldAction) {
        switch action {
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .killToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .killToEnd: characters.removeSubrange(cursor...)
        case .killWordBefore:
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .deleteBefore:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .deleteUnder:
            if cursor < characters.count { characters.remove(at: cursor) }
        }
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
    /// Linear in the field's width, whatever the text's length (a 100 KB landing page opens at
    /// once): the cells before the cursor are counted back from it, not re-measured from `scroll`.
    public mutating func scrollToCursor(width: Int) {
        guard width > 1 else { scroll = cursor; return }
        if cursor < scroll { scroll = cursor }
        var start = cursor
        var used = 0
        while start > scroll {
            let cells = DisplayWidth.of(characters[start - 1])
            if used + cells > width - 1 { break }
            used += cells
            start -= 1
        }
        scroll = max(scroll, start)
    }

    /// Words, as readline's Alt-B/F see them: runs of letters and digits (so `/`, `.` and `-`
    /// in a path or URL stop the cursor).
    private func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0 && !isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0 && isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    private func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count && !isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count && isWordCharacter(characters[i]) { i += 1 }
        return i
    }
}
