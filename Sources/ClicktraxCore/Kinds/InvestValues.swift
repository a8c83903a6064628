import Foundation

/// Values as the Invest API sends them, read the way RULES.md §10 asks: what Invest holds is kept as
/// it is. A number may come as a numeric string anywhere (the docs warn of it for ids, and the
/// 2017 traffic shows it for counts); a text field may hold any characters and any length up to
/// a cap no real object reaches; a word outside the documented vocabulary is kept as a word.
///
/// Only two things make an object unkeepable (`UnkeepableObject`): no usable id, and a value past
/// `maxTextBytes`. A value that cannot be read as its type at all (a `revenue_value` of `"n/a"`)
/// is left empty and noted (`InvestPageReading`), never fatal.
public enum InvestValues {
    /// The hard cap on one text value. Invest's own limits are far below it (names ≤ 255); a value
    /// past it is a broken or hostile page, not a catalog object.
    public static let maxTextBytes = 64 * 1024

    /// An id Clicktrax can store: 1…2^53 (what a JSON number holds exactly) and below the
    /// provisional range of trackers made here (`InvestIDs.provisionalBase`), which Invest's
    /// ids never reach — one that did would collide with a tracker made here.
    public static func idProblem(_ id: Int64) -> String? {
        if !InvestIDs.isValid(id) { return "not an id from 1 to \(InvestIDs.maxID) (got \(id))" }
        if InvestIDs.isProvisional(id) { return "\(id) is in the range of ids made here, never one Invest gives" }
        return nil
    }

    /// A whole number written as digits (optionally surrounded by spaces), as a string holds an id.
    static func wholeNumber(_ text: String) -> Int64? {
        let trimmed = FastTrim.whitespace(text, newlines: false)
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int64(trimmed)
    }

    /// A number written as text (`"1.50"`, `" 2 "`), finite.
    static func number(_ text: String) -> Double? {
        let trimmed = FastTrim.whitespace(text, newlines: false)
        guard let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }
}

extension KeyedDecodingContainer {
    /// The object's own id, or a reference's: required, a number or a string of digits, usable.
    func investID(forKey key: Key, field: String? = nil) throws -> Int64 {
        let name = field ?? key.stringValue
        guard contains(key), try !decodeNil(forKey: key) else {
            throw UnkeepableObject(field: name, reason: "missing")
        }
        let id: Int64
        if let number = try? decode(Int64.self, forKey: key) {
            id = number
        } else if let text = try? decode(String.self, forKey: key) {
            guard let number = InvestValues.wholeNumber(text) else {
                throw UnkeepableObject(field: name, reason: "not a whole number (got “\(TerminalSafe.clip(text, 30))”)")
            }
            id = number
        } else {
            throw UnkeepableObject(field: name, reason: "not a whole number")
        }
        // The provisional range is checked where an object from Invest is kept: the same JSON
        // is also how this database stores its own trackers, provisional ones included.
        guard InvestIDs.isValid(id) else { throw UnkeepableObject(field: name, reason: InvestIDs.rangeProblem(id)) }
        return id
    }

    /// An optional id (a parent: `advertiser_id`, `member_id`): nil when absent or null. One that
    /// is there but no usable id is left empty and noted.
    func investOptionalID(forKey key: Key, notes: InvestPageReading?) throws -> Int64? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        do {
            return try investID(forKey: key)
        } catch let problem as UnkeepableObject {
            notes?.note(key.stringValue, problem.reason + "; left empty")
            return nil
        }
    }

    /// Text as Invest has it: a string of any characters, or a number or true/false written as
    /// text. Past `InvestValues.maxTextBytes` the object cannot be kept.
    func investText(forKey key: Key, notes: InvestPageReading?) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let text = try? decode(String.self, forKey: key) {
            // The cap is for Invest's pages (read with `notes`); this database's own copies of a
            // tracker (its change log, Invest's last copy) are read back whatever they hold.
            guard notes == nil || text.utf8.count <= InvestValues.maxTextBytes else {
                throw UnkeepableObject(field: key.stringValue,
                                       reason: "\(text.utf8.count) bytes, past the \(InvestValues.maxTextBytes / 1024) KB a value may hold")
            }
            return text
        }
        if let number = try? decode(Int64.self, forKey: key) { return String(number) }
        if let number = try? decode(Double.self, forKey: key) { return String(number) }
        if let flag = try? decode(Bool.self, forKey: key) { return String(flag) }
        notes?.note(key.stringValue, "not text (an object or a list); left empty")
        return nil
    }

    /// A number, or a string holding one (`"1.50"`); anything else is left empty and noted.
    func investNumber(forKey key: Key, notes: InvestPageReading?) throws -> Double? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let number = try? decode(Double.self, forKey: key), number.isFinite { return number }
        if let text = try? decode(String.self, forKey: key) {
            if let number = InvestValues.number(text) { return number }
            notes?.note(key.stringValue, "not a number (“\(TerminalSafe.clip(text, 30))”); left empty")
            return nil
        }
        notes?.note(key.stringValue, "not a number; left empty")
        return nil
    }

    /// A whole number (a size, a priority), or a string holding one; anything else is left empty
    /// and noted.
    func investWhole(forKey key: Key, notes: InvestPageReading?) throws -> Int? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let number = try? decode(Int.self, forKey: key) { return number }
        let number = try investNumber(forKey: key, notes: notes)
        guard let number else { return nil }
        guard number == number.rounded(), abs(number) < 1e15 else {
            notes?.note(key.stringValue, "not a whole number (\(number)); left empty")
            return nil
        }
        return Int(number)
    }

    /// A state word as Invest has it (`active`, `inactive`, or another), `active` when absent.
    func investState(forKey key: Key, notes: InvestPageReading?) throws -> ObjectState {
        try investText(forKey: key, notes: notes).map(ObjectState.init(rawValue:)) ?? .active
    }
}
