import CNcursesw
import Dispatch
import Foundation
import Synchronization
import TerminalUI

/// The real terminal, through ncursesw: raw keys, mouse, bracketed paste, colours allocated on
/// demand, wide characters, and a terminal that is always given back as it was — on `shutdown`,
/// on SIGINT, SIGTERM and SIGHUP (the app sees `pendingSignal` and shuts down), and around Ctrl-Z.
public final class CursesBackend: TerminalBackend {
    public enum Failure: Error, CustomStringConvertible {
        case notATerminal
        case unknownTerminal(String)
        /// A terminal that cannot move the cursor or clear the screen (`dumb`, an editor's shell
        /// buffer): a full-screen UI would be a scroll of garbage.
        case cannotRunAFullScreen(String)
        public var description: String {
            switch self {
            case .notATerminal: "the terminal UI needs a terminal on stdin and stdout"
            case .unknownTerminal(let term):
                "cannot start the terminal UI: unknown terminal type TERM=\(term.isEmpty ? "(unset)" : term); \(CursesBackend.useTheCommands)"
            case .cannotRunAFullScreen(let term):
                "cannot start the terminal UI: TERM=\(term) cannot move the cursor or clear the screen; \(CursesBackend.useTheCommands)"
            }
        }
    }

    public private(set) var colorCount: Int
    static let useTheCommands = "the commands need no screen (clicktrax --help lists them)"
    /// False when the locale's character set is not UTF-8 (`LANG=C`): ncurses cannot show
    /// anything but ASCII then, so each frame is drawn with ASCII stand-ins (`ASCIIStandIn`).
    public let isUTF8: Bool
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let ownedInput: UnsafeMutablePointer<FILE>?
    /// linux, vt100, vt220 have none: what is drawn stays on the screen after exit.
    private let hasAlternateScreen: Bool
    private var decoder = KeyDecoder()
    private var pending: [InputEvent] = []
    private var last: ScreenBuffer?
    private var pairs: [PairKey: Int16] = [:]
    private var isShutDown = false
    private let signals: [DispatchSourceSignal]
    private static let receivedSignal = Atomic<Int32>(0)

    struct PairKey: Hashable { var fg: Int; var bg: Int }

    /// Takes over the terminal. `noColor` (NO_COLOR) gives a colourless screen.
    public convenience init(noColor: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw Failure.notATerminal }
        setlocale(LC_ALL, "")
        // Whoever started us may have left signals blocked; ncurses must hear SIGWINCH (resize)
        // and job control must work.
        var needed = sigset_t()
        sigemptyset(&needed)
        for number in [SIGWINCH, SIGTSTP, SIGCONT, SIGINT, SIGTERM, SIGHUP] { sigaddset(&needed, number) }
        pthread_sigmask(SIG_UNBLOCK, &needed, nil)
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        try Self.checkCanRunAFullScreen(term)
        var modes = termios()
        let hasModes = tcgetattr(STDIN_FILENO, &modes) == 0
        try self.init(term: term, output: ctx_stdout(), input: ctx_stdin(), ownedInput: nil, noColor: noColor, watchesSignals: true)
        // A trap or a crash from here on gives the terminal back before the process ends.
        var undo = Array(Self.inputModesOff.utf8) + Array("\u{1B}[0m\u{1B}[?25h".utf8)
        if let leave = tigetstr("rmcup"), Int(bitPattern: leave) > 0 { undo += Array(String(cString: leave).utf8) }
        FatalSignalGuard.install(savedModes: hasModes ? modes : nil, restoreBytes: undo)
    }

    /// The same drawing code writing to `output` (a file) as a `width` × `height` terminal of
    /// type `term`, with no input: for replaying what the backend writes in a terminal
    /// emulator (the tests' oracle). One curses screen at a time in a process.
    public static func recording(to output: UnsafeMutablePointer<FILE>, term: String, width: Int, height: Int) throws -> CursesBackend {
        guard let input = fopen("/dev/null", "r") else { throw Failure.notATerminal }
        let backend = try CursesBackend(term: term, output: output, input: input, ownedInput: input, noColor: false, watchesSignals: false)
        resizeterm(Int32(height), Int32(width))
        return backend
    }

    private init(term: String, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>, ownedInput: UnsafeMutablePointer<FILE>?,
                 noColor: Bool, watchesSignals: Bool) throws {
        guard !term.isEmpty, let screen = newterm(term, output, input) else {
            if let ownedInput { fclose(ownedInput) }
            throw Failure.unknownTerminal(term)
        }
        self.screen = screen
        self.output = output
        self.ownedInput = ownedInput
        isUTF8 = String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
        hasAlternateScreen = ctx_has_string_capability("smcup") != 0
        // SIGINT, SIGTERM, SIGHUP: noted here, acted on by the app's loop (which restores the
        // terminal and exits) — a handler cannot safely call into ncurses itself.
        signals = !watchesSignals ? [] : [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { CursesBackend.receivedSignal.store(number, ordering: .sequentiallyConsistent) }
            source.resume()
            return source
        }
        raw()
        noecho()
        nonl()
        keypad(ctx_stdscr(), true)
        set_escdelay(25)
        wtimeout(ctx_stdscr(), 0)
        intrflush(ctx_stdscr(), false)
        // The mouse is read by the decoder, in SGR mode (1006: any column, press and release
        // told apart) — ncurses' own reading follows terminfo's kmous, which for tmux and screen
        // is the old X10 form that cannot say a column past 223.
        keyok(KEY_MOUSE, false)
        colorCount = 0
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(ctx_colors()) >= 256 ? 256 : Int(ctx_colors()) >= 16 ? 16 : Int(ctx_colors()) >= 8 ? 8 : 0
        }
        decoder.modifiedKeys = Self.modifiedKeys()
        send(Self.inputModesOn)
        curs_set(0)
    }

    /// Refuses, before anything is drawn, a terminal that cannot address the cursor or clear
    /// (its terminfo is read without taking the screen).
    static func checkCanRunAFullScreen(_ term: String) throws {
        guard !term.isEmpty else { throw Failure.unknownTerminal(term) }
        var error: Int32 = 0
        guard setupterm(term, STDOUT_FILENO, &error) == OK else { throw Failure.unknownTerminal(term) }
        defer { ctx_forget_terminal() }
        guard ctx_has_string_capability("cup") != 0, ctx_has_string_capability("clear") != 0 else {
            throw Failure.cannotRunAFullScreen(term)
        }
    }

    deinit { shutdown() }

    /// The signal that asked us to stop (SIGINT, SIGTERM, SIGHUP), if one came.
    public var pendingSignal: Int32? {
        let value = Self.receivedSignal.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }

    public var size: (width: Int, height: Int) { (Int(ctx_cols()), Int(ctx_lines())) }

    public func present(_ given: ScreenBuffer) {
        let buffer = isUTF8 ? given : ASCIIStandIn.frame(given)
        let diff = last.map { ScreenDiff.between($0, buffer) } ?? ScreenDiff.full(buffer)
        if last == nil { wclear(ctx_stdscr()) }
        for run in diff.runs {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation { continue }
                draw(cell, x: x, y: run.y)
            }
        }
        if let cursor = buffer.cursor {
            curs_set(1)
            wmove(ctx_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(ctx_stdscr())
        last = buffer
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        // Cells in a run mostly share a style: its attributes and pair are worked out once.
        if cell.style != lastStyle.style {
            var attributes = ctx_a_normal()
            let style = cell.style
            if style.bold { attributes |= ctx_a_bold() }
            if style.underline { attributes |= ctx_a_underline() }
            if style.reverse { attributes |= ctx_a_reverse() }
            if style.dim { attributes |= ctx_a_dim() }
            lastStyle = (style, attributes, colorPair(style))
        }
        var value = cchar_t()
        let scalars = cell.character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first {
            // One scalar (nearly every cell): no array for it.
            var characters: (wchar_t, wchar_t) = (wchar_t(bitPattern: scalar.value), 0)
            withUnsafePointer(to: &characters) {
                $0.withMemoryRebound(to: wchar_t.self, capacity: 2) { _ = setcchar(&value, $0, lastStyle.attributes, lastStyle.pair, nil) }
            }
        } else {
            var characters = scalars.prefix(Int(CCHARW_MAX) - 1).map { wchar_t(bitPattern: $0.value) }
            characters.append(0)
            setcchar(&value, characters, lastStyle.attributes, lastStyle.pair, nil)
        }
        mvwadd_wch(ctx_stdscr(), Int32(y), Int32(x), &value)
    }

    /// The style drawn last, with its curses attributes and colour pair.
    private var lastStyle: (style: Style?, attributes: attr_t, pair: Int16) = (nil, 0, 0)

    /// A colour pair for the style's colours, made the first time it is needed.
    private func colorPair(_ style: Style) -> Int16 {
        guard colorCount > 0 else { return 0 }
        let key = PairKey(fg: style.foreground.index(forColors: colorCount), bg: style.background.index(forColors: colorCount))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < min(ctx_color_pairs(), 32767) else { return 0 }
        init_pair(next, Int16(key.fg), Int16(key.bg))
        pairs[key] = next
        return next
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        if !pending.isEmpty { return pending.removeFirst() }
        wtimeout(ctx_stdscr(), Int32(timeoutMilliseconds))
        guard let first = readRaw() else { return nil }
        var raw = [first]
        // Whatever else is already waiting belongs with it (an Alt chord, a paste, a mouse
        // report); the decoder sees it all at once, so a sequence is never cut into keys.
        wtimeout(ctx_stdscr(), 0)
        while let more = readRaw() { raw.append(more) }
        decodeInOrder(raw)
        // The rest of a sequence on its way (a long paste comes in pieces): wait for it a little.
        var waits = 0
        while decoder.isWaiting {
            wtimeout(ctx_stdscr(), decoder.isPasting ? 200 : 25)
            guard let more = readRaw() else {
                // A paste gets two seconds of silence before it is taken as ended.
                if decoder.isPasting, waits < 10 { waits += 1; continue }
                pending += decoder.flush()
                break
            }
            raw = [more]
            wtimeout(ctx_stdscr(), 0)
            while let next = readRaw() { raw.append(next) }
            decodeInOrder(raw)
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    /// Decodes a read, with resizes kept in their place among the keys.
    private func decodeInOrder(_ raw: [RawInput]) {
        var run: [RawInput] = []
        for input in raw {
            if case .keyCode(KEY_RESIZE) = input {
                pending += decoder.decode(run)
                run = []
                pending.append(.resize(width: size.width, height: size.height))
                last = nil
            } else {
                run.append(input)
            }
        }
        pending += decoder.decode(run)
    }

    private func readRaw() -> RawInput? {
        var character: wint_t = 0
        let result = wget_wch(ctx_stdscr(), &character)
        if result == KEY_CODE_YES { return .keyCode(Int32(character)) }
        if result == OK { return .character(UInt32(character)) }
        return nil
    }

    public func invalidate() { last = nil }

    /// Ctrl-Z: gives the terminal back, stops the process like any shell job, and on `fg`
    /// takes the terminal again and redraws everything.
    public func suspend() {
        send(Self.inputModesOff)
        endwin()
        signal(SIGTSTP, SIG_DFL)
        kill(getpid(), SIGTSTP)
        // Resumed.
        wrefresh(ctx_stdscr())
        send(Self.inputModesOn)
        invalidate()
    }

    /// Gives the terminal to another program while `body` runs (the pager), then takes it again
    /// and redraws everything.
    public func runOutside<T>(_ body: () throws -> T) rethrows -> T {
        send(Self.inputModesOff)
        endwin()
        defer {
            wrefresh(ctx_stdscr())
            send(Self.inputModesOn)
            invalidate()
        }
        return try body()
    }

    /// Gives the terminal back as it was: cooked mode, echo, cursor, no mouse or paste modes.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        signals.forEach { $0.cancel() }
        if !signals.isEmpty { FatalSignalGuard.uninstall() }
        send(Self.inputModesOff)
        curs_set(1)
        endwin()
        // Without an alternate screen the last frame would stay, with the shell's prompt
        // printed over its bottom line: clear it (the cursor goes home, the prompt on top).
        if !hasAlternateScreen && ownedInput == nil { ctx_put_capability("clear") }
        delscreen(screen)
        if let ownedInput { fclose(ownedInput) }
    }

    /// Bracketed paste (2004), mouse presses and releases (1000) reported in SGR form (1006).
    static let inputModesOn = "\u{1B}[?2004h\u{1B}[?1000h\u{1B}[?1006h"
    static let inputModesOff = "\u{1B}[?1006l\u{1B}[?1000l\u{1B}[?2004l"

    /// Writes mode switches to this backend's output, around ncurses.
    private func send(_ text: String) {
        fflush(output)
        _ = text.withCString { write(fileno(output), $0, strlen($0)) }
    }

    /// Writes straight to the terminal, around ncurses: OSC 52.
    public static func writeToTerminal(_ text: String) {
        fflush(ctx_stdout())
        _ = text.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// Codes ncurses assigned to modified arrows and Home/End in this terminal's terminfo.
    static func modifiedKeys() -> [Int32: KeyPress] {
        let names: [(String, Key, Bool, Bool, Bool)] = [
            ("kLFT5", .left, true, false, false), ("kRIT5", .right, true, false, false),
            ("kUP5", .up, true, false, false), ("kDN5", .down, true, false, false),
            ("kLFT3", .left, false, true, false), ("kRIT3", .right, false, true, false),
            ("kUP3", .up, false, true, false), ("kDN3", .down, false, true, false),
            ("kUP", .up, false, false, true), ("kDN", .down, false, false, true),
            ("kHOM5", .home, true, false, false), ("kEND5", .end, true, false, false),
        ]
        var keys: [Int32: KeyPress] = [:]
        for (name, key, ctrl, alt, shift) in names {
            guard let sequence = tigetstr(name), Int(bitPattern: sequence) > 0 else { continue }
            let code = key_defined(sequence)
            if code > 0 { keys[code] = KeyPress(key, ctrl: ctrl, alt: alt, shift: shift) }
        }
        return keys
    }
}
