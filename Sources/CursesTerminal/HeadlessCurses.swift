import CNcursesw
import Foundation

/// ncurses on `/dev/null`: a real curses screen with no terminal, for tests and self-checks.
/// It proves the wide-character build is linked and the locale is right: text drawn with
/// `mvwaddwstr` reads back cell by cell exactly as it went in (accents, box drawing, CJK).
public enum HeadlessCurses {
    public enum Failure: Error, CustomStringConvertible {
        case cannotStart(String)
        public var description: String {
            switch self { case .cannotStart(let why): "ncurses could not start: \(why)" }
        }
    }

    /// Draws `text` at the top left of a `width`-column screen and reads the row back.
    /// Only one curses screen may exist at a time in a process, so calls are serialised.
    public static func roundTrip(_ text: String, width: Int32 = 40, term: String = "xterm-256color") throws -> String {
        try exclusively { try drawAndReadBack(text, width: width, term: term) }
    }

    /// Runs `body` as the only curses screen of the process, in a UTF-8 locale (another test's
    /// screen may not exist at the same time: ncurses keeps one current terminal).
    public static func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        setlocale(LC_ALL, "C.UTF-8")
        return try body()
    }

    private static func drawAndReadBack(_ text: String, width: Int32, term: String) throws -> String {
        guard let output = fopen("/dev/null", "w"), let input = fopen("/dev/null", "r") else {
            throw Failure.cannotStart("cannot open /dev/null")
        }
        defer { fclose(output); fclose(input) }
        guard let screen = newterm(term, output, input) else {
            throw Failure.cannotStart("newterm failed for TERM=\(term)")
        }
        defer { endwin(); delscreen(screen) }
        guard let window = newwin(1, width, 0, 0) else { throw Failure.cannotStart("newwin failed") }
        defer { delwin(window) }
        let wide = Array(text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }) + [0]
        _ = mvwaddwstr(window, 0, 0, wide)
        var result = String.UnicodeScalarView()
        var column: Int32 = 0
        while column < width {
            var cell = cchar_t()
            guard mvwin_wch(window, 0, column, &cell) != ERR else { break }
            var characters = [wchar_t](repeating: 0, count: 8)
            var attributes: attr_t = 0
            var pair: Int16 = 0
            getcchar(&cell, &characters, &attributes, &pair, nil)
            let scalar = characters[0]
            let cellWidth = wcwidth(scalar)
            if scalar != 0, let value = Unicode.Scalar(UInt32(bitPattern: scalar)) { result.append(value) }
            column += cellWidth > 1 ? cellWidth : 1
        }
        return String(String(result).reversed().drop { $0 == " " }.reversed())
    }

    private static let lock = NSLock()
}
