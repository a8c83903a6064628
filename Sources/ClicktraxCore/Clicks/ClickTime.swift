/// Times of clicks: Unix seconds in UTC (the feed is requested with `"timezone": "UTC"`),
/// parsed from and written as the feed's text without Foundation's date formatters — an import
/// parses ten million of them.
public enum ClickTime {
    public static let hour: Int64 = 3_600
    public static let day: Int64 = 86_400

    /// `2026-11-30 12:52:55` (datetime), `2026-11-30 12:00` (hour), `2026-11-30` (day); a `T`
    /// may stand for the space, and `2026-11-30T12` (an hour, as the command line takes it) is
    /// read too. Nil for anything else, or a date that does not exist.
    public static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        let length = text.count
        guard length == 10 || length == 13 || length == 16 || length == 19 else { return nil }
        func number(_ from: Int, _ digits: Int) -> Int64? {
            var value: Int64 = 0
            for index in from..<(from + digits) {
                let byte = text[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        guard text[4] == 0x2D, text[7] == 0x2D,
              let year = number(0, 4), let month = number(5, 2), let dayOfMonth = number(8, 2) else { return nil }
        var hours: Int64 = 0, minutes: Int64 = 0, seconds: Int64 = 0
        if length >= 13 {
            guard text[10] == 0x20 || text[10] == 0x54, let h = number(11, 2) else { return nil }
            hours = h
        }
        if length >= 16 {
            guard text[13] == 0x3A, let m = number(14, 2) else { return nil }
            minutes = m
        }
        if length == 19 {
            guard text[16] == 0x3A, let s = number(17, 2) else { return nil }
            seconds = s
        }
        guard year >= 1970, month >= 1, month <= 12, dayOfMonth >= 1, dayOfMonth <= daysIn(month: month, year: year),
              hours < 24, minutes < 60, seconds < 60 else { return nil }
        return daysSinceEpoch(year: year, month: month, day: dayOfMonth) * day + hours * hour + minutes * 60 + seconds
    }

    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// `2026-11-30 12:52:55`.
    public static func format(_ time: Int64) -> String {
        let (y, m, d) = civil(fromDays: floorDiv(time, day))
        let s = time - floorDiv(time, day) * day
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2)) \(pad(s / 3600, 2)):\(pad(s % 3600 / 60, 2)):\(pad(s % 60, 2))"
    }

    /// `2026-11-30`.
    public static func formatDay(_ time: Int64) -> String { String(format(time).prefix(10)) }

    /// `2026-11-30 12:00`.
    public static func formatHour(_ time: Int64) -> String { String(format(time).prefix(16)) }

    public static func startOfHour(_ time: Int64) -> Int64 { floorDiv(time, hour) * hour }
    public static func startOfDay(_ time: Int64) -> Int64 { floorDiv(time, day) * day }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's `days_from_civil`.
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Its inverse, `civil_from_days`.
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
