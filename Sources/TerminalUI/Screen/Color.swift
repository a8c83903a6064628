/// A colour as a theme names it. The backend maps it to what the terminal can show:
/// `#rrggbb` to the nearest of 256 or 16 colours, 256 to 16 on an 8/16-colour terminal.
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// 0–15: black, red, green, yellow, blue, magenta, cyan, white, then the bright ones.
    case ansi(Int)
    /// 0–255: the xterm palette.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    public static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// `default`, a name (`red`, `bright-blue`, `grey` = bright-black), `0`–`255`, or `#rrggbb`.
    public init?(parsing text: String) {
        let lower = text.lowercased()
        if lower == "default" { self = .terminalDefault; return }
        if lower == "grey" || lower == "gray" { self = .ansi(8); return }
        if let index = Self.names.firstIndex(of: lower) { self = .ansi(index); return }
        if let number = Int(lower), (0...255).contains(number) { self = .indexed(number); return }
        if lower.hasPrefix("#"), lower.count == 7, let value = UInt32(lower.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
            return
        }
        return nil
    }

    /// The colour as a number the terminal has, given how many it has (8, 16 or 256); -1 for
    /// the terminal's default.
    public func index(forColors count: Int) -> Int {
        switch self {
        case .terminalDefault: return -1
        case .ansi(let n): return count >= 16 ? n : n % 8
        case .indexed(let n):
            if count >= 256 || n < count { return n }
            return Self.nearest(Self.rgbOfIndex(n), among: count)
        case .rgb(let r, let g, let b):
            return Self.nearest((Int(r), Int(g), Int(b)), among: min(count, 256))
        }
    }

    /// The RGB value of an xterm palette entry.
    static func rgbOfIndex(_ n: Int) -> (Int, Int, Int) {
        let base: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if n < 16 { return base[n] }
        if n < 232 {
            let steps = [0, 95, 135, 175, 215, 255]
            let i = n - 16
            return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
        }
        let level = 8 + (n - 232) * 10
        return (level, level, level)
    }

    /// The nearest palette entry. On a 256-colour terminal only the fixed cube and greys
    /// (16–255) are candidates: the first 16 are often re-tinted by the user's terminal theme.
    static func nearest(_ rgb: (Int, Int, Int), among count: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for index in (count >= 256 ? 16 : 0)..<max(1, min(count, 256)) {
            let c = rgbOfIndex(index)
            let distance = (c.0 - rgb.0) * (c.0 - rgb.0) + (c.1 - rgb.1) * (c.1 - rgb.1) + (c.2 - rgb.2) * (c.2 - rgb.2)
            if distance < bestDistance { bestDistance = distance; best = index }
        }
        return best
    }
}
