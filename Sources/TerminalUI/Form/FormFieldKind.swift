/// What a form's field is: how it is drawn, which keys it takes and what a click does. The
/// kinds' keys are tables like every other context's, so the help, KEYBINDINGS.md and the
/// dispatch are one thing; a dialog maps its fields to kinds and acts on the kind's actions.
public enum FormFieldKind: Sendable, Equatable, CaseIterable {
    /// Typed text (`TextFieldAction` edits it).
    case text
    /// On or off: a checkbox, or a section that opens and folds.
    case toggle
    /// One of a few, side by side: `(•) a  ( ) b`.
    case radio
    /// A value chosen elsewhere (a picker): `[ Edit ] 123 Name`.
    case choice
    /// Save, Cancel: the button row's.
    case button

    /// What a field's own keys ask for (moving the focus and editing text are the kit's).
    public enum Action: Sendable, Equatable {
        case toggle, previousChoice, nextChoice, open, press, nextField
    }

    /// The field's keys, in its kind's table.
    public var bindings: [Binding<Action>] {
        switch self {
        case .text: [Binding([KeyPress(.enter)], .nextField, "In a text field: on to the next field")]
        case .toggle: [Binding([.char(" "), KeyPress(.enter)], .toggle, "On a checkbox or a section: tick it or open it, and back")]
        case .radio: [
            Binding([KeyPress(.left)], .previousChoice, "On a choice of several: the one before"),
            Binding([KeyPress(.right), .char(" "), KeyPress(.enter)], .nextChoice, "On a choice of several: the next one"),
        ]
        case .choice: [Binding([KeyPress(.enter), .char(" ")], .open, "On a line item, publisher, placement or payment rule: choose it")]
        case .button: [Binding([KeyPress(.enter), .char(" ")], .press, "On a button: press it")]
        }
    }

    /// What a click on the field does (a text field only takes the focus).
    public var clickAction: Action? {
        switch self {
        case .text: nil
        case .toggle: .toggle
        case .radio: .nextChoice
        case .choice: .open
        case .button: .press
        }
    }

    /// The action `press` asks of a field of this kind, if any.
    public func action(for press: KeyPress) -> Action? {
        Binding.action(for: press, in: bindings)
    }
}
