import ClicktraxCore
import TerminalUI

/// Create new Click Tracker / Edit (RULES.md §1): Details (Name; Advanced Options fold Code and
/// Landing Page URL; State), Line Item and Publisher (required), Placement and Payment Rule
/// (optional, the publisher's). Pure: it asks its parent to open pickers and to save, and shows
/// the store's validation messages beside their fields. For an impression tracker it is Create
/// New Impression Tracker (RULES.md §12): Imp Tracker Details, Advanced Options fold the Code only.
public struct TrackerDialog: FormModel, Sendable, Equatable {
    public enum Focus: Int, CaseIterable, Sendable {
        case name, advanced, code, landingPage, state, lineItem, publisher, placement, paymentRule, save, cancel
    }

    /// Nil for a new tracker.
    public let trackerId: Int64?
    public let trackerKind: TrackerKind
    private(set) var revision: Int?
    private(set) var original: TrackerDraft
    public private(set) var name: TextFieldState
    public private(set) var code: TextFieldState
    public private(set) var landingPage: TextFieldState
    public private(set) var state: ObjectState
    public private(set) var lineItem: ObjectRef?
    public private(set) var publisher: ObjectRef?
    public private(set) var placement: ObjectRef?
    public private(set) var paymentRule: ObjectRef?
    public private(set) var advancedOpen: Bool
    public var formFocus = FormFocus(Focus.name)
    /// Messages from the last save attempt, by field.
    public private(set) var errors: [TrackerField: String] = [:]
    /// A note or error for the whole dialog: a conflict, a cleared placement.
    public private(set) var notice: (text: String, isError: Bool)?
    /// The last search typed in each picker, so reopening one keeps it.
    private(set) var pickerQueries: [PickerDialog.Kind: String] = [:]
    /// After a save was refused over someone's change and their version was loaded: what this
    /// operator had typed, by field, where it differs — shown beside the field, kept to re-type.
    public private(set) var yours: [Focus: String] = [:]
    /// The save was refused because someone saved the tracker since: Ctrl-R loads theirs.
    public private(set) var conflicted = false

    /// `kind`: a new tracker's (an edited one has its own).
    public init(editing tracker: Tracker? = nil, kind: TrackerKind = .click) {
        trackerId = tracker?.id
        trackerKind = tracker?.kind ?? kind
        revision = tracker?.revision
        original = tracker?.draft ?? TrackerDraft()
        name = TextFieldState(tracker?.name ?? "", placeholder: "what the tracker counts", maxLength: 255)
        code = TextFieldState(tracker?.code ?? "", placeholder: "optional: A–Z a–z 0–9 . _ -", maxLength: 100)
        landingPage = TextFieldState(tracker?.clickUrl ?? "", placeholder: "https://…", maxLength: 1000)
        state = tracker?.state ?? .active
        lineItem = tracker?.lineItem
        publisher = tracker?.publisher
        placement = tracker?.tag
        paymentRule = tracker?.paymentRule
        advancedOpen = tracker?.code != nil || tracker?.clickUrl != nil
    }

    public static func == (lhs: TrackerDialog, rhs: TrackerDialog) -> Bool {
        lhs.trackerId == rhs.trackerId && lhs.trackerKind == rhs.trackerKind && lhs.draft == rhs.draft && lhs.focus == rhs.focus && lhs.errors == rhs.errors
            && lhs.notice?.text == rhs.notice?.text && lhs.advancedOpen == rhs.advancedOpen && lhs.revision == rhs.revision
            && lhs.yours == rhs.yours
    }

    public var title: String {
        switch trackerKind {
        case .click: trackerId.map { "Edit Click Tracker \($0)" } ?? "Create new Click Tracker"
        case .impression: trackerId.map { "Edit Impression Tracker \($0)" } ?? "Create New Impression Tracker"
        }
    }

    public var draft: TrackerDraft {
        TrackerDraft(name: name.text, code: code.text.isEmpty ? nil : code.text, state: state,
                     clickUrl: trackerKind == .impression || LandingPageURL.trimmed(landingPage.text).isEmpty ? nil : landingPage.text,
                     lineItemId: lineItem?.id,
                     publisherId: publisher?.id, placementId: placement?.id, paymentRuleId: paymentRule?.id)
    }

    public var isDirty: Bool { draft != original }

    public func textField(_ field: Focus) -> WritableKeyPath<TrackerDialog, TextFieldState>? {
        switch field {
        case .name: \.name
        case .code: \.code
        case .landingPage: \.landingPage
        default: nil
        }
    }

    public mutating func textChanged(in field: Focus) { errors[field.field] = nil }

    /// What was typed in a field is judged as the focus leaves it, not only at Ctrl-S — and only
    /// if it changed (a value Invest holds outside the rules is judged when edited, RULES.md §10).
    public mutating func focusLeft(_ field: Focus) {
        let problem: String?
        switch field {
        case .name: problem = name.text == original.name ? nil : TrackerRules.nameProblem(name.text)
        case .code:
            problem = code.text == (original.code ?? "") || code.text.isEmpty ? nil : TrackerRules.codeProblem(code.text)
        case .landingPage:
            let url = LandingPageURL.trimmed(landingPage.text)
            problem = landingPage.text == (original.clickUrl ?? "") || url.isEmpty ? nil : LandingPageURL.problem(url)
        default: return
        }
        errors[field.field] = problem
    }

    public var focusOrder: [Focus] {
        // An impression tracker has no landing page (RULES.md §12).
        Focus.allCases.filter { (advancedOpen || ($0 != .code && $0 != .landingPage)) && !(trackerKind == .impression && $0 == .landingPage) }
    }

    // MARK: Results coming back

    /// A picker's choice.
    public mutating func apply(_ choice: PickerDialog.Choice, from kind: PickerDialog.Kind, query: String) {
        pickerQueries[kind] = query
        let ref = choice.id.map { ObjectRef(id: $0, name: choice.name) }
        // Picked: on to the next field, as a form does.
        defer { moveFocus(1) }
        switch kind {
        case .lineItem: lineItem = ref; errors[.lineItem] = nil
        case .publisher:
            guard ref?.id != publisher?.id else { return }
            var cleared: [String] = []
            if placement != nil { cleared.append("placement") }
            if paymentRule != nil { cleared.append("payment rule") }
            publisher = ref
            placement = nil
            paymentRule = nil
            errors[.publisher] = nil
            notice = cleared.isEmpty ? nil
                : ("The publisher changed, so the \(cleared.joined(separator: " and ")) (the old publisher's) \(cleared.count == 1 ? "was" : "were") cleared.", false)
        case .placement: placement = ref; errors[.placement] = nil
        case .paymentRule: paymentRule = ref; errors[.paymentRule] = nil
        }
    }

    /// The save failed: show each problem beside its field, keep everything typed.
    public mutating func showFailure(_ error: Error) {
        errors = [:]
        if case ClicktraxError.invalid(let issues) = error {
            for issue in issues { errors[issue.field] = errors[issue.field] ?? issue.message }
            // Problems with no line of their own (the ID) are spelled out in the notice.
            let elsewhere = issues.filter { $0.field == .id || $0.field == .state }.map(\.description)
            notice = ("Not saved: \(issues.count) problem\(issues.count == 1 ? "" : "s") to fix. " + elsewhere.joined(separator: "; "), true)
            if errors[.code] != nil || errors[.landingPageURL] != nil { advancedOpen = true }
            if let first = focusOrder.first(where: { errors[$0.field] != nil }) { formFocus.set(first) }
        } else if case ClicktraxError.conflict(let message) = error, trackerId != nil {
            conflicted = true
            notice = ("Not saved: \(message). Ctrl-R loads their version, keeping what you typed beside each field.", true)
        } else {
            notice = ("Not saved: \(error)", true)
        }
    }

    /// Their version, as saved now, with this operator's typing kept beside each field that
    /// differs: the next save starts from their revision, so it can go through.
    public mutating func rebase(on theirs: Tracker) {
        let mine = self
        let fresh = TrackerDialog(editing: theirs)
        self = fresh
        formFocus = mine.formFocus
        advancedOpen = mine.advancedOpen || fresh.advancedOpen
        pickerQueries = mine.pickerQueries
        for target in Focus.allCases {
            if let typed = mine.valueText(target), typed != fresh.valueText(target) { yours[target] = typed.isEmpty ? "(empty)" : typed }
        }
        notice = yours.isEmpty
            ? ("Loaded their version: it matches yours. Ctrl-S saves.", false)
            : ("Loaded their version; yours is shown beside each field that differs (Ctrl-S saves what is in the fields).", false)
    }

    /// A field's value as text, for comparing versions.
    func valueText(_ target: Focus) -> String? {
        switch target {
        case .name: name.text
        case .code: code.text
        case .landingPage: landingPage.text
        case .state: state.rawValue
        case .lineItem: lineItem.map { "\($0.id) \($0.name)" } ?? ""
        case .publisher: publisher.map { "\($0.id) \($0.name)" } ?? ""
        case .placement: placement.map { "\($0.id) \($0.name)" } ?? ""
        case .paymentRule: paymentRule.map { "\($0.id) \($0.name)" } ?? ""
        case .advanced, .save, .cancel: nil
        }
    }

    // MARK: Input

    public enum Action: Sendable, Equatable { case save, cancel, reload }

    /// The dialog's own keys; moving between fields is the form kit's (`FormMove`), and each
    /// field's keys are its kind's (`FormFieldKind`).
    public static let bindings: [Binding<Action>] = [
        Binding([.ctrl("s")], .save, "Save", footer: "save"),
        Binding([KeyPress(.escape)], .cancel, "Cancel (asks first if you changed something)", footer: "cancel"),
        Binding([.ctrl("r")], .reload, "After a refused save: load their version, keeping yours beside each field"),
    ]

    /// The kinds of field the dialog has, for its help and hints.
    public static let kinds: [FormFieldKind] = [.text, .toggle, .radio, .choice, .button]

    public func kind(of field: Focus) -> FormFieldKind {
        switch field {
        case .name, .code, .landingPage: .text
        case .advanced: .toggle
        case .state: .radio
        case .lineItem, .publisher, .placement, .paymentRule: .choice
        case .save, .cancel: .button
        }
    }

    /// The dialog's own action for `press`, if it has one (the first to be asked).
    static func action(for press: KeyPress) -> Action? { Binding.action(for: press, in: bindings) }

    public mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        switch event {
        case .key(let press): return handleKey(press)
        case .paste(let text):
            routePaste(text)
            return .stay
        case .mouse(let mouse):
            guard mouse.kind == .press || mouse.kind == .click else { return .stay }
            let layout = layout(in: screen)
            if let button = layout.buttons.button(atX: mouse.x, y: mouse.y) {
                setFocus(button == 0 ? .save : .cancel)
                return perform(.press, on: focus)
            }
            if layout.frame.contains(x: mouse.x, y: mouse.y), let field = layout.form.field(atX: mouse.x, y: mouse.y) {
                setFocus(field)
                if let action = kind(of: field).clickAction { return perform(action, on: field) }
            }
            return .stay
        case .resize:
            return .stay
        }
    }

    mutating func handleKey(_ press: KeyPress) -> ModalStep {
        switch Self.action(for: press) {
        case .save: return save()
        case .cancel: return cancel()
        case .reload:
            guard conflicted, let trackerId else { return .stay }
            return .emit(.trackers(.reloadTrackerIntoDialog(trackerId)))
        case nil: break
        }
        if routeMove(press) || routeText(press) { return .stay }
        if let action = fieldAction(for: press) { return perform(action, on: focus) }
        return .stay
    }

    mutating func cancel() -> ModalStep {
        guard isDirty else { return .close }
        return .push(.confirm(ConfirmDialog(title: "Unsaved changes", message: "Throw away what you typed in this tracker?",
                                            confirmLabel: "Discard", onConfirm: .trackers(.discardEdits))))
    }

    /// A field's own action (its key, or a click on it).
    mutating func perform(_ action: FormFieldKind.Action, on target: Focus) -> ModalStep {
        switch (action, target) {
        case (.nextField, _): moveFocus(1)
        case (.toggle, .advanced): advancedOpen.toggle()
        case (.previousChoice, .state), (.nextChoice, .state): state = state == .active ? .inactive : .active
        case (.open, .lineItem): return pick(.lineItem, current: lineItem)
        case (.open, .publisher): return pick(.publisher, current: publisher)
        case (.open, .placement), (.open, .paymentRule):
            guard let publisherId = publisher?.id else {
                errors[target.field] = "choose the publisher first: \(target == .placement ? "placements" : "payment rules") belong to one"
                return .stay
            }
            return target == .placement
                ? pick(.placement(publisherId: publisherId), current: placement)
                : pick(.paymentRule(publisherId: publisherId), current: paymentRule)
        case (.press, .save): return save()
        case (.press, .cancel): return cancel()
        default: break
        }
        return .stay
    }

    func pick(_ kind: PickerDialog.Kind, current: ObjectRef?) -> ModalStep {
        .push(.picker(PickerDialog(kind: kind, query: pickerQueries[kind] ?? "", current: current?.id)))
    }

    mutating func save() -> ModalStep {
        // Every rule is checked by the store in one go — the fields' own and those that need the
        // catalog (references, a code another tracker has) — and all come back at once.
        .emit(.trackers(.saveTracker(draft, trackerId: trackerId, revision: revision)))
    }


    // MARK: Drawing

    /// What goes under a field: its error, or (after loading their version) what you typed.
    func below(_ target: Focus) -> (text: String, isError: Bool)? {
        if let error = errors[target.field], target != .advanced, target != .save, target != .cancel { return (error, true) }
        return yours[target].map { ("yours: " + $0, false) }
    }

    /// Where everything is, for drawing and for the mouse.
    struct Layout {
        let frame: Rect
        let inner: Rect
        let form: FormLayout<Focus>
        let notice: Rect
        let noticeLines: [String]
        let buttons: ButtonRow
    }

    static let labelWidth = 19

    /// Title row, fields (each with the rows its error or note takes, wrapped whole), a blank,
    /// the notice (wrapped whole), the buttons, and the border.
    func layout(in screen: Rect) -> Layout {
        let fields = focusOrder.filter { $0 != .save && $0 != .cancel }
        let width = min(screen.width - 2, 96)
        let innerWidth = width - 4
        let valueWidth = innerWidth - Self.labelWidth
        func rowsBelow(_ field: Focus) -> Int { FormWidget.rows(below(field)?.text, width: valueWidth) }
        let rows = fields.reduce(0) { $0 + 1 + rowsBelow($1) }
        let noticeLines = notice.map { TextWrap.words($0.text, width: innerWidth) } ?? []
        let frame = screen.centered(width: width, height: min(screen.height, rows + 5 + max(1, noticeLines.count)))
        let inner = Rect(x: frame.x + 2, y: frame.y + 1, width: frame.width - 4, height: frame.height - 2)
        let form = FormLayout(fields, in: Rect(x: inner.x, y: frame.y + 2, width: inner.width, height: rows), labelWidth: Self.labelWidth,
                              rowsBelow: rowsBelow)
        let buttons = ButtonRow([trackerId == nil ? "Create" : "Save", "Cancel"], x: frame.x + 2, y: frame.maxY - 2)
        let noticeRows = max(1, noticeLines.count)
        return Layout(frame: frame, inner: inner, form: form,
                      notice: Rect(x: inner.x, y: frame.maxY - 2 - noticeRows, width: inner.width, height: noticeRows),
                      noticeLines: noticeLines, buttons: buttons)
    }

    /// How each field looks now, for the form renderer.
    func view(_ target: Focus) -> FormFieldView {
        switch target {
        case .name, .code, .landingPage:
            let field = target == .name ? name : target == .code ? code : landingPage
            return FormFieldView(target.label, .text(field, width: 60), below: below(target))
        case .advanced:
            let folded = trackerKind == .click ? "Code and Landing Page URL" : "Code"
            return FormFieldView(target.label, .section(open: "hide \(folded)", closed: "show \(folded)",
                                                        isOpen: advancedOpen))
        case .state:
            return FormFieldView(target.label, .radio(["active", "inactive"], selected: state == .active ? 0 : 1), below: below(target))
        case .lineItem, .publisher, .placement, .paymentRule:
            let ref = target == .lineItem ? lineItem : target == .publisher ? publisher : target == .placement ? placement : paymentRule
            return FormFieldView(target.label, .choice(ref.map { "\($0.id)  \($0.name)" },
                                                       placeholder: target.isRequired ? "required: choose one" : "none"),
                                 below: below(target))
        case .save, .cancel:
            return FormFieldView(target.label, .choice(nil, placeholder: ""))
        }
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let layout = layout(in: buffer.bounds)
        let inner = DialogFrame.render(title: title, in: layout.frame, theme: theme, into: &buffer)
        buffer.write(trackerKind == .click ? "Click Tracker Details" : "Imp Tracker Details", x: inner.x, y: layout.frame.y + 1, role: .dialogTitle, theme: theme)
        let cursor = FormRenderer.render(layout.form, focus: focus, view: view, theme: theme, into: &buffer)
        if let notice {
            for (row, line) in layout.noticeLines.enumerated() {
                buffer.write(line, x: layout.notice.x, y: layout.notice.y + row, maxWidth: layout.notice.width,
                             role: notice.isError ? .textError : .textWarning, theme: theme)
            }
        }
        FormRenderer.renderButtons(layout.buttons, focused: focus == .save ? 0 : focus == .cancel ? 1 : nil,
                                   hints: FormRenderer.hints(Self.bindings, kinds: Self.kinds), maxX: inner.maxX, theme: theme, into: &buffer)
        buffer.cursor = cursor
    }
}

extension TrackerDialog.Focus {
    var label: String {
        switch self {
        case .name: "Name *"
        case .advanced: "Advanced Options"
        case .code: "  Code"
        case .landingPage: "  Landing Page URL"
        case .state: "State"
        case .lineItem: "Line Item *"
        case .publisher: "Publisher *"
        case .placement: "Placement"
        case .paymentRule: "Payment Rule"
        case .save: "Save"
        case .cancel: "Cancel"
        }
    }

    var isRequired: Bool { self == .lineItem || self == .publisher }

    /// The tracker field whose messages show on this line.
    var field: TrackerField {
        switch self {
        case .name: .name
        case .code: .code
        case .landingPage: .landingPageURL
        case .state: .state
        case .lineItem: .lineItem
        case .publisher: .publisher
        case .placement: .placement
        case .paymentRule: .paymentRule
        case .advanced, .save, .cancel: .id
        }
    }
}
