import Foundation

/// OSC 52: the escape sequence that asks the terminal — even over ssh, even inside tmux with
/// `set-clipboard on` — to put text on the clipboard.
public enum OSC52 {
    /// Terminals and tmux cap the sequence; past this the text is refused with a suggestion
    /// to save a file instead.
    public static let maxBytes = 100_000

    public static func sequence(for text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
