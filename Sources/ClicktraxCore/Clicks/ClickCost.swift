/// Media cost in billionths of the currency unit: sums of ten million clicks stay exact (a
/// `Double` sum depends on the order it is added in), and the text read is the text written.
public enum ClickCost {
    public static let scale: Int64 = 1_000_000_000

    public enum Failure: Error, Equatable {
        case notANumber, negative, tooLarge
    }

    /// `0.0012`, `12`, `.5`: a plain decimal (digits beyond the ninth decimal are rounded half up).
    public static func parse(_ text: UnsafeBufferPointer<UInt8>) throws(Failure) -> Int64 {
        if text.isEmpty { return 0 }
        var index = 0
        if text[0] == 0x2D { throw .negative }
        if text[0] == 0x2B { index = 1 }
        var whole: Int64 = 0, fraction: Int64 = 0, fractionDigits = 0, digits = 0
        var seenPoint = false, roundUp = false
        while index < text.count {
            let byte = text[index]
            index += 1
            if byte == 0x2E, !seenPoint { seenPoint = true; continue }
            guard byte >= 0x30 && byte <= 0x39 else { throw .notANumber }
            digits += 1
            let digit = Int64(byte - 0x30)
            if !seenPoint {
                guard whole < 9_000_000_000 / 10 else { throw .tooLarge }
                whole = whole * 10 + digit
            } else if fractionDigits < 9 {
                fraction = fraction * 10 + digit
                fractionDigits += 1
            } else if fractionDigits == 9 {
                roundUp = digit >= 5
                fractionDigits += 1
            }
        }
        guard digits > 0 else { throw .notANumber }
        for _ in 0..<max(0, 9 - fractionDigits) { fraction *= 10 }
        return whole * scale + fraction + (roundUp ? 1 : 0)
    }

    public static func parse(_ text: String) throws(Failure) -> Int64 {
        var text = text
        let result = text.withUTF8 { buffer in Result { () throws(Failure) in try parse(buffer) } }
        return try result.get()
    }

    /// `a + b`, held at the largest cost there is instead of overflowing: a feed of absurd costs
    /// (a click can claim 900 million) must make an absurd total, never a trap or a wrapped one.
    @inline(__always)
    public static func sum(_ a: Int64, _ b: Int64) -> Int64 {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b < 0 ? Int64.min : Int64.max) : total
    }

    /// `12.3400`, `0.0012`: exactly `decimals` decimals, rounded half away from zero — a column of
    /// them lines up on its decimal point.
    public static func format(_ nanos: Int64, decimals: Int) -> String {
        let drop = Int64(9 - min(9, max(0, decimals)))
        var unit: Int64 = 1
        for _ in 0..<drop { unit *= 10 }
        let magnitude = nanos.magnitude
        let rounded = (magnitude / UInt64(unit)) + (magnitude % UInt64(unit) >= UInt64(unit) / 2 && unit > 1 ? 1 : 0)
        let scaleAtDecimals = UInt64(scale) / UInt64(unit)
        let whole = rounded / scaleAtDecimals
        let sign = nanos < 0 && rounded > 0 ? "-" : ""
        guard decimals > 0 else { return "\(sign)\(whole)" }
        let fraction = String(rounded % scaleAtDecimals)
        return "\(sign)\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// `12.34`, `0.0012`: at least two decimals, no trailing zeros beyond them.
    public static func format(_ nanos: Int64) -> String {
        let sign = nanos < 0 ? "-" : ""
        let magnitude = nanos.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = String(magnitude % UInt64(scale))
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.count > 2 && fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole).\(fraction)"
    }
}
