/// One value of a group: an object by id (with its name when this database knows it), a site
/// domain, or the start of a day or hour.
public enum ClickGroupKey: Hashable, Sendable, Comparable {
    case object(id: Int64, name: String?)
    case domain(String)
    case time(Int64)

    public static func < (lhs: ClickGroupKey, rhs: ClickGroupKey) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a, _), .object(let b, _)): a < b
        case (.domain(let a), .domain(let b)): a < b
        case (.time(let a), .time(let b)): a < b
        default: false
        }
    }
}
