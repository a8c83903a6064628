/// The editing keys of every text field, readline's: one table drives the field, the help
/// overlay and KEYBINDINGS.md. Any other printable key is typed.
public enum TextFieldAction: Sendable, Equatable {
    case home, end, left, right, wordLeft, wordRight
    case deleteBefore, deleteUnder, killToStart, killToEnd, killWordBefore

    public static let bindings: [Binding<TextFieldAction>] = [
        Binding([KeyPress(.left)], .left, "Character left"),
        Binding([KeyPress(.right)], .right, "Character right"),
        Binding([.ctrl("a"), KeyPress(.home)], .home, "Start of the line"),
        Binding([.ctrl("e"), KeyPress(.end)], .end, "End of the line"),
        Binding([.alt("b"), KeyPress(.left, ctrl: true), KeyPress(.left, alt: true)], .wordLeft, "Word left"),
        Binding([.alt("f"), KeyPress(.right, ctrl: true), KeyPress(.right, alt: true)], .wordRight, "Word right"),
        Binding([KeyPress(.backspace)], .deleteBefore, "Delete the character before the cursor"),
        Binding([KeyPress(.delete), .ctrl("d")], .deleteUnder, "Delete the character under the cursor"),
        Binding([.ctrl("u")], .killToStart, "Delete to the start"),
        Binding([.ctrl("k")], .killToEnd, "Delete to the end"),
        Binding([.ctrl("w"), KeyPress(.backspace, alt: true)], .killWordBefore, "Delete the word before the cursor"),
    ]
}
