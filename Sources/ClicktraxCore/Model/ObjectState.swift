/// Whether an Invest object is in use. Every object kind has one; new objects are active.
public enum ObjectState: String, Codable, Sendable, CaseIterable {
    case active
    case inactive
}
