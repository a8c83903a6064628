/// What ncurses' `get_wch` returned: a character (a Unicode scalar, or a control byte), or a
/// key code (`KEY_UP`, `KEY_MOUSE`, …) it decoded from the terminal's escape sequence.
public enum RawInput: Sendable, Equatable {
    case character(UInt32)
    case keyCode(Int32)
}
