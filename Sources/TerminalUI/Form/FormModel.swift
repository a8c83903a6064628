/// A dialog made of fields (Create / Edit, Export): its focus, and which of its fields take
/// text. From that the kit routes keys and pastes — a key or a paste goes to the focused text
/// field, never anywhere else — and moves the focus, the same way in every form.
public protocol FormModel {
    associatedtype Field: Hashable & Sendable
    var formFocus: FormFocus<Field> { get set }
    /// The fields shown now, in focus order.
    var focusOrder: [Field] { get }
    /// The text field a field is, if it is one.
    func textField(_ field: Field) -> WritableKeyPath<Self, TextFieldState>?
    /// What kind of field it is: which keys it takes (`FormFieldKind.bindings`), how it is drawn.
    func kind(of field: Field) -> FormFieldKind
    /// Told when a field's text changed (to clear its error, say).
    mutating func textChanged(in field: Field)
    /// Told when the focus leaves a field (to judge what was typed there, at once).
    mutating func focusLeft(_ field: Field)
}

extension FormModel {
    public var focus: Field { formFocus.current }

    /// Whether typed characters go into the focused field.
    public var isTextFocus: Bool { textField(focus) != nil }

    /// The focused field's own action for `press` (after the dialog's keys, the moves and the
    /// text field's editing keys had their turn).
    public func fieldAction(for press: KeyPress) -> FormFieldKind.Action? {
        kind(of: focus).action(for: press)
    }

    public mutating func moveFocus(_ delta: Int) {
        let left = focus
        formFocus.move(delta, in: focusOrder)
        if focus != left { focusLeft(left) }
    }

    /// Puts the focus on a field (a click), telling the one it leaves.
    public mutating func setFocus(_ field: Field) {
        let left = focus
        formFocus.set(field)
        if field != left { focusLeft(left) }
    }

    /// Tab / Shift-Tab / ↑↓ move; true when the key did that.
    public mutating func routeMove(_ press: KeyPress) -> Bool {
        switch Binding.action(for: press, in: FormMove.bindings) {
        case .next: moveFocus(1)
        case .previous: moveFocus(-1)
        case nil: return false
        }
        return true
    }

    /// An editing key for the focused text field; true when it took it.
    public mutating func routeText(_ press: KeyPress) -> Bool {
        let field = focus
        guard let path = textField(field), self[keyPath: path].handle(press) else { return false }
        textChanged(in: field)
        return true
    }

    /// A paste goes into the focused text field, as text; on any other field it does nothing.
    public mutating func routePaste(_ text: String) {
        let field = focus
        guard let path = textField(field) else { return }
        self[keyPath: path].insert(text)
        textChanged(in: field)
    }
}
