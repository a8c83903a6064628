import Foundation

/// How the benchmark prints its figures.
enum Format {
    static func ms(_ milliseconds: Double) -> String {
        milliseconds < 10 ? String(format: "%.2f ms", milliseconds) : String(format: "%.0f ms", milliseconds)
    }

    static func seconds(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }

    static func megabytes(kilobytes: Int?) -> String {
        guard let kilobytes else { return "n/a (needs /usr/bin/time: apt-get install -y time)" }
        return String(format: "%.0f MB", Double(kilobytes) / 1024)
    }

    static func count(_ number: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        return formatter.string(from: NSNumber(value: number)) ?? String(number)
    }

    /// Terminal columns of a label: CJK takes two (enough for the queries the benchmark prints).
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && $1.value <= 0xFFDC) && !(0x2000...0x206F).contains($1.value) ? 2 : 1) }
    }

    /// `✓` or `✗` against a target, so a reader sees at once what is met.
    static func verdict(_ met: Bool) -> String { met ? "✓" : "✗ NOT MET" }
}
