/// How one field of a form looks now: its label, its value as its kind draws it, and what goes
/// around it (an error, a note, a section's heading). A dialog says this for each field; the
/// form renderer draws it into the field's place in the layout.
public struct FormFieldView: Sendable {
    public enum Value: Sendable {
        /// The field's state (scrolled to the cursor when focused), at most `width` cells wide.
        case text(TextFieldState, width: Int)
        /// `[x] Label`.
        case checkbox(String, checked: Bool)
        /// `▸ show …` / `▾ hide …`: a section that opens and folds.
        case section(open: String, closed: String, isOpen: Bool)
        case radio([String], selected: Int)
        /// `[ Edit ] value`, or the placeholder (muted) when there is none.
        case choice(String?, placeholder: String)
    }

    public var label: String
    public var value: Value
    /// The line under the field (`↳ …`): an error, or a note.
    public var below: (text: String, isError: Bool)?
    /// An error shown in place of a choice's value.
    public var inlineError: String?
    /// Muted words at the value's place, beside a box drawn in the label's column.
    public var aside: String?
    /// The section title drawn on the blank row above the field.
    public var heading: String?
    /// Drawn from the label's column (a box whose words are its own label).
    public var fromLabelColumn = false

    public init(_ label: String, _ value: Value, below: (text: String, isError: Bool)? = nil, inlineError: String? = nil,
                aside: String? = nil, heading: String? = nil, fromLabelColumn: Bool = false) {
        self.label = label
        self.value = value
        self.below = below
        self.inlineError = inlineError
        self.aside = aside
        self.heading = heading
        self.fromLabelColumn = fromLabelColumn
    }

    public var kind: FormFieldKind {
        switch value {
        case .text: .text
        case .checkbox, .section: .toggle
        case .radio: .radio
        case .choice: .choice
        }
    }
}
