import ClicktraxCore
import TerminalUI

/// Create new Click Tracker / Edit (SPEC §1): Details (Name; Advanced Options fold Code and
/// Landing Page URL; State), Line Item and Publisher (required), Placement and Payment Rule
/// (optional, the publisher's). Pure: it asks its parent to open pickers and to save, and shows
/// the store's validation messages beside their fields.
public struct TrackerDialog: Sendable, Equatable {
    public enum Focus: Int, CaseIterable, Sendable {
        case name, advanced, code, landingPage, state, lineItem, publisher, placement, paymentRule, save, cancel
    }

    /// What the dialog asks of its parent.
    public enum Request: Sendable, Equatable {
        case pick(PickerDialog.Kind)
        case save(TrackerDraft, trackerId: Int64?, revision: Int?)
        /// Esc with unsaved edits: ask before throwing them away.
        case confirmDiscard
    }

    /// Nil for a new tracker.
    public let trackerId: Int64?
    let revision: Int?
    let original: TrackerDraft
    public private(set) var name: TextFieldState
    public private(set) var code: TextFieldState
    public private(set) var landingPage: TextFieldState
    public private(set) var state: ObjectState
    public private(set) var lineItem: ObjectRef?
    public private(set) var publisher: ObjectRef?
    public private(set) var placement: ObjectRef?
    public private(set) var paymentRule: ObjectRef?
    public private(set) var advancedOpen: Bool
    public private(set) var focus = Focus.name
    /// Messages from the last save attempt, by field.
    public private(set) var errors: [TrackerField: String] = [:]
    /// A note or error for the whole dialog: a conflict, a cleared placement.
    public private(set) var notice: (text: String, isError: Bool)?

    public init(editing tracker: ClickTracker? = nil) {
        trackerId = tracker?.id
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
        lhs.trackerId == rhs.trackerId && lhs.draft == rhs.draft && lhs.focus == rhs.focus && lhs.errors == rhs.errors
            && lhs.notice?.text == rhs.notice?.text && lhs.advancedOpen == rhs.advancedOpen
    }

    public var title: String { trackerId.map { "Edit Click Tracker \($0)" } ?? "Create new Click Tracker" }

    public var draft: TrackerDraft {
        TrackerDraft(name: name.text, code: code.text.isEmpty ? nil : code.text, state: state,
                     clickUrl: landingPage.text.isEmpty ? nil : landingPage.text, lineItemId: lineItem?.id,
                     publisherId: publisher?.id, placementId: placement?.id, paymentRuleId: paymentRule?.id)
    }

    public var isDirty: Bool { draft != original }

    var focusOrder: [Focus] {
        Focus.allCases.filter { advancedOpen || ($0 != .code && $0 != .landingPage) }
    }

    // MARK: Results coming back

    /// A picker's choice.
    public mutating func apply(_ choice: PickerDialog.Choice, from kind: PickerDialog.Kind) {
        let ref = choice.id.map { ObjectRef(id: $0, name: choice.name) }
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
            if let first = focusOrder.first(where: { errors[$0.field] != nil }) { focus = first }
        } else {
            notice = ("Not saved: \(error)", true)
        }
    }

    // MARK: Input

    public mutating func handle(_ event: InputEvent, screen: Rect) -> DialogOutcome<Request> {
        switch event {
        case .key(let press): return handleKey(press)
        case .paste(let text):
            switch focus {
            case .name: name.insert(text)
            case .code: code.insert(text)
            case .landingPage: landingPage.insert(text)
            default: break
            }
            return .stay
        case .mouse(let mouse):
            guard mouse.kind == .press || mouse.kind == .click else { return .stay }
            let frame = frame(in: screen)
            guard frame.contains(x: mouse.x, y: mouse.y) else { return .stay }
            if mouse.y == frame.maxY - 2 {
                // The button row: Save/Create, then Cancel.
                let saveWidth = (trackerId == nil ? "Create" : "Save").count + 4
                if mouse.x < frame.x + 2 + saveWidth { focus = .save; return save() }
                if mouse.x < frame.x + 2 + saveWidth + 12 { focus = .cancel; return activate(.cancel, byMouse: true) }
                return .stay
            }
            if let (target, _) = layout(in: frame).first(where: { $0.row == mouse.y }) {
                focus = target
                return activate(target, byMouse: true)
            }
            return .stay
        case .resize:
            return .stay
        }
    }

    mutating func handleKey(_ press: KeyPress) -> DialogOutcome<Request> {
        if press == .ctrl("s") { return save() }
        switch press.key {
        case .escape: return isDirty ? .done(.confirmDiscard) : .cancel
        case .tab: move(1); return .stay
        case .backTab: move(-1); return .stay
        case .down: move(1); return .stay
        case .up: move(-1); return .stay
        default: break
        }
        switch focus {
        case .name: if name.handle(press) { errors[.name] = nil; return .stay }
        case .code: if code.handle(press) { errors[.code] = nil; return .stay }
        case .landingPage: if landingPage.handle(press) { errors[.landingPageURL] = nil; return .stay }
        case .state:
            if press.key == .left || press.key == .right || press.key == .character(" ") {
                state = state == .active ? .inactive : .active
                return .stay
            }
        default: break
        }
        if press.key == .enter || (press.key == .character(" ") && !isTextFocus) {
            if isTextFocus { move(1); return .stay }
            return activate(focus, byMouse: false)
        }
        return .stay
    }

    var isTextFocus: Bool { focus == .name || focus == .code || focus == .landingPage }

    mutating func activate(_ target: Focus, byMouse: Bool) -> DialogOutcome<Request> {
        switch target {
        case .advanced:
            advancedOpen.toggle()
        case .state:
            if byMouse { state = state == .active ? .inactive : .active }
        case .lineItem: return .done(.pick(.lineItem))
        case .publisher: return .done(.pick(.publisher))
        case .placement, .paymentRule:
            guard let publisherId = publisher?.id else {
                errors[target.field] = "choose the publisher first: \(target == .placement ? "placements" : "payment rules") belong to one"
                return .stay
            }
            return .done(.pick(target == .placement ? .placement(publisherId: publisherId) : .paymentRule(publisherId: publisherId)))
        case .save: return save()
        case .cancel: return isDirty ? .done(.confirmDiscard) : .cancel
        case .name, .code, .landingPage: break
        }
        return .stay
    }

    mutating func save() -> DialogOutcome<Request> {
        // The rules Core can check without the catalog are shown at once; the rest come back
        // from the store through `showFailure`.
        let issues = TrackerRules.check(draft)
        if !issues.isEmpty {
            showFailure(ClicktraxError.invalid(issues))
            return .stay
        }
        return .done(.save(draft, trackerId: trackerId, revision: revision))
    }

    mutating func move(_ delta: Int) {
        let order = focusOrder
        let index = order.firstIndex(of: focus) ?? 0
        focus = order[(index + delta + order.count) % order.count]
    }

    // MARK: Drawing

    /// Rows the fields take: one each, and one more under a text field with an error.
    var fieldRows: Int {
        focusOrder.filter { $0 != .save && $0 != .cancel }.reduce(0) { $0 + 1 + (hasErrorLine($1) ? 1 : 0) }
    }

    func hasErrorLine(_ target: Focus) -> Bool {
        (target == .name || target == .code || target == .landingPage) && errors[target.field] != nil
    }

    /// Title row, fields, a blank, the notice, the buttons, and the border.
    func frame(in screen: Rect) -> Rect {
        screen.centered(width: min(screen.width - 2, 96), height: min(screen.height, fieldRows + 6))
    }

    /// Which row each focusable line is on, for drawing and for the mouse.
    func layout(in frame: Rect) -> [(target: Focus, row: Int)] {
        var rows: [(Focus, Int)] = []
        var y = frame.y + 2
        for target in focusOrder where target != .save && target != .cancel {
            rows.append((target, y))
            y += hasErrorLine(target) ? 2 : 1
        }
        return rows
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = frame(in: buffer.bounds)
        let inner = DialogFrame.render(title: title, in: frame, theme: theme, into: &buffer)
        let labelWidth = 19
        let valueX = inner.x + labelWidth
        let valueWidth = inner.width - labelWidth
        var cursor: (x: Int, y: Int)?
        buffer.write("Click Tracker Details", x: inner.x, y: frame.y + 1, role: .dialogTitle, theme: theme)

        for (target, row) in layout(in: frame) where target != .save {
            let focused = focus == target
            let label = target.label
            buffer.write(label, x: inner.x, y: row, maxWidth: labelWidth - 1, role: focused ? .dialogKey : .fieldLabel, theme: theme)
            switch target {
            case .name, .code, .landingPage:
                var field = target == .name ? name : target == .code ? code : landingPage
                if let error = errors[target.field] { field.error = error }
                let width = min(valueWidth, 60)
                TextFieldWidget.render(&field, in: Rect(x: valueX, y: row, width: width, height: 1), focused: focused, theme: theme, into: &buffer)
                if focused { cursor = buffer.cursor }
                if let error = errors[target.field] {
                    buffer.write("↳ " + error, x: valueX, y: row + 1, maxWidth: inner.maxX - valueX, role: .textError, theme: theme)
                }
            case .advanced:
                buffer.write(advancedOpen ? "▾ hide Code and Landing Page URL" : "▸ show Code and Landing Page URL", x: valueX, y: row,
                             role: focused ? .buttonFocused : .button, theme: theme)
            case .state:
                RadioGroupWidget.render(["active", "inactive"], selected: state == .active ? 0 : 1, focused: focused, x: valueX, y: row,
                                        maxWidth: valueWidth, theme: theme, into: &buffer)
            case .lineItem, .publisher, .placement, .paymentRule:
                let ref = target == .lineItem ? lineItem : target == .publisher ? publisher : target == .placement ? placement : paymentRule
                let button = ButtonWidget.render("Edit", focused: focused, x: valueX, y: row, theme: theme, into: &buffer)
                let x = valueX + button + 1
                if let error = errors[target.field] {
                    buffer.write("↳ " + error, x: x, y: row, maxWidth: inner.maxX - x, role: .textError, theme: theme)
                } else {
                    let text = ref.map { "\($0.id)  \($0.name)" } ?? (target.isRequired ? "required: choose one" : "none")
                    buffer.write(text, x: x, y: row, maxWidth: inner.maxX - x, role: ref == nil ? .textMuted : .dialog, theme: theme)
                }
            case .save, .cancel:
                break
            }
        }
        if let notice {
            buffer.write(notice.text, x: inner.x, y: frame.maxY - 3, maxWidth: inner.width, role: notice.isError ? .textError : .textWarning, theme: theme)
        }
        let saveWidth = ButtonWidget.render(trackerId == nil ? "Create" : "Save", focused: focus == .save, x: inner.x, y: frame.maxY - 2, theme: theme, into: &buffer)
        ButtonWidget.render("Cancel", focused: focus == .cancel, x: inner.x + saveWidth + 2, y: frame.maxY - 2, theme: theme, into: &buffer)
        buffer.write("Tab/↑↓ move · Enter edit or pick · Ctrl-S save · Esc cancel", x: inner.x + saveWidth + 14, y: frame.maxY - 2,
                     maxWidth: max(0, inner.maxX - inner.x - saveWidth - 14), role: .textMuted, theme: theme)
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
