/// Which field of a form has the focus, and how Tab / Shift-Tab and the arrows move it through
/// the fields shown now (a folded section's fields are skipped), wrapping at the ends.
public struct FormFocus<Field: Hashable & Sendable>: Sendable, Equatable {
    public private(set) var current: Field

    public init(_ first: Field) { current = first }

    public mutating func set(_ field: Field) { current = field }

    /// One step through `order`; from a field no longer shown, to the first.
    public mutating func move(_ delta: Int, in order: [Field]) {
        guard !order.isEmpty else { return }
        guard let index = order.firstIndex(of: current) else { current = order[0]; return }
        current = order[(index + delta % order.count + order.count) % order.count]
    }
}

/// The keys that move a form's focus, the same in every form.
public enum FormMove: Sendable, Equatable {
    case next, previous

    public static let bindings: [Binding<FormMove>] = [
        Binding([KeyPress(.tab), KeyPress(.down)], .next, "Next field", footer: "move"),
        Binding([KeyPress(.backTab), KeyPress(.up)], .previous, "Previous field"),
    ]
}
