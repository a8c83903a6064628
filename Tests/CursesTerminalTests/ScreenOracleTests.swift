import Foundation
import Testing
import TerminalUI
@testable import CursesTerminal

/// What the backend writes, replayed in a real terminal emulator (pyte), shows exactly the last
/// frame after every frame: random rows of CJK, emoji and accents, dialogs opened over them at
/// random places (cutting wide characters at their edges) and closed again, full redraws. This
/// is the oracle for the screen diff — a cell beside CJK text left stale after a dialog closed
/// is a difference here.
@Suite struct ScreenOracleTests {
    // Not tmux-256color or screen: their terminfo has auto margins and no way to turn them off
    // (smam), so ncurses paints the bottom-right cell by inserting the one before it, and a wide
    // character there moves by a cell — this test found it; it is ncurses' own, in docs/USING.md's
    // known limits.
    @Test(arguments: ["xterm-256color", "xterm", "linux", "vt220"])
    func theEmulatorShowsEveryFrameExactly(term: String) throws {
        let (width, height) = (44, 14)
        var generator = SeededGenerator(seed: 0xC11C + UInt64(term.count))
        let frames = (0..<80).map { index in Self.randomFrame(width: width, height: height, index: index, using: &generator) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clicktrax-oracle-\(UUID().uuidString).bytes").path
        defer { unlink(path) }
        var offsets: [Int] = []
        try HeadlessCurses.exclusively {
            guard let output = fopen(path, "w") else { throw CocoaError(.fileWriteUnknown) }
            defer { fclose(output) }
            let backend = try CursesBackend.recording(to: output, term: term, width: width, height: height)
            for (index, frame) in frames.enumerated() {
                if index % 23 == 22 { backend.invalidate() }
                backend.present(frame)
                fflush(output)
                offsets.append(Int(ftell(output)))
            }
            backend.shutdown()
        }
        let screens = try Self.replay(path: path, width: width, height: height, offsets: offsets)
        #expect(screens.count == frames.count)
        var mismatches: [String] = []
        for (index, (frame, screen)) in zip(frames, screens).enumerated() where frame.lines != screen {
            let rows = zip(frame.lines, screen).enumerated().filter { $0.element.0 != $0.element.1 }
                .map { "row \($0.offset): frame “\($0.element.0)” terminal “\($0.element.1)”" }
            mismatches.append("frame \(index): \(rows.prefix(3).joined(separator: "; "))")
        }
        #expect(mismatches.isEmpty, "\(term): \(mismatches.count) frames differ: \(mismatches.prefix(4))")
    }

    static let pieces = ["東京ラーメン", "Café Olé", "😀 ok", "Zürich", "한국어 이름", "plain text", "北京 – 上海", "│box│", "ΑΒΓ δεζ", "x"]

    static func randomFrame(width: Int, height: Int, index: Int, using generator: inout SeededGenerator) -> ScreenBuffer {
        let theme = Theme.builtinDefault
        var buffer = ScreenBuffer(width: width, height: height)
        let roles: [ThemeRole] = [.tableRow, .tableRowCursor, .textMuted, .tableHeader, .footer]
        for y in 0..<height {
            var x = Int.random(in: 0...3, using: &generator)
            while x < width {
                let piece = pieces.randomElement(using: &generator)!
                x += buffer.write(piece, x: x, y: y, role: roles.randomElement(using: &generator)!, theme: theme) + Int.random(in: 0...2, using: &generator)
            }
        }
        // Half the frames have a dialog, at odd columns so its edges fall on wide characters.
        if Bool.random(using: &generator) {
            let dialogWidth = Int.random(in: 6...24, using: &generator)
            let dialogHeight = Int.random(in: 3...8, using: &generator)
            let rect = Rect(x: Int.random(in: 0...(width - dialogWidth), using: &generator), y: Int.random(in: 0...(height - dialogHeight), using: &generator),
                            width: dialogWidth, height: dialogHeight)
            let inner = DialogFrame.render(title: pieces.randomElement(using: &generator)!, in: rect, theme: theme, into: &buffer)
            for y in inner.y..<inner.maxY {
                buffer.write(pieces.randomElement(using: &generator)!, x: inner.x, y: y, maxWidth: inner.width, role: .field, theme: theme)
            }
        }
        return buffer
    }

    /// Feeds the bytes to pyte (with REP, `CSI n b`, which xterm has and pyte lacks) and returns
    /// its screen's rows after each offset, wide characters read as xterm shows them.
    static func replay(path: String, width: Int, height: Int, offsets: [Int]) throws -> [[String]] {
        let script = """
        import json, sys
        try:
            import pyte
        except ImportError:
            sys.exit("pyte is missing: apt-get install python3-pyte")
        class Screen(pyte.Screen):
            last = " "
            def draw(self, data):
                if data: self.last = data[-1]
                super().draw(data)
            def repeat_last(self, count=1, *args, **kwargs):
                super().draw(self.last * max(1, count))
            # pyte leaves half of a wide character behind when the other half is overwritten;
            # xterm and tmux blank it. The rows as they would show it:
            def rows(self):
                from wcwidth import wcwidth
                result = []
                for y in range(self.lines):
                    line, cells, x = [], self.buffer[y], 0
                    while x < self.columns:
                        data = cells[x].data
                        if data == "":
                            line.append(" "); x += 1
                        elif wcwidth(data[0]) == 2:
                            stub_intact = x + 1 < self.columns and cells[x + 1].data == ""
                            line.append(data if stub_intact else " "); x += 2 if stub_intact else 1
                        else:
                            line.append(data); x += 1
                    result.append("".join(line))
                return result
        class Stream(pyte.ByteStream):
            csi = dict(pyte.ByteStream.csi, b="repeat_last")
        path, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
        offsets = json.loads(sys.stdin.read())
        data = open(path, "rb").read()
        screen = Screen(width, height)
        stream = Stream(screen)
        screens, start = [], 0
        for end in offsets:
            stream.feed(data[start:end])
            start = end
            screens.append(screen.rows())
        print(json.dumps(screens))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, path, String(width), String(height)]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(offsets))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OracleFailure(message: "pyte replay failed: \(problem)") }
        return try JSONDecoder().decode([[String]].self, from: data)
    }

    struct OracleFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// A small deterministic generator (SplitMix64), so a failing frame can be found again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
