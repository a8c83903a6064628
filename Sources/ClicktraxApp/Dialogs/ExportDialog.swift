import ClicktraxCore
import TerminalUI

/// Export Trackers (RULES.md §1, §3, §4, §11): Basic Options (type, secure, escape ampersands, link
/// text), Advanced Options (the receiving ad server's preset, then each macro a checkbox with its
/// value), Delivery Options (generate now, or email with the addresses), a live preview of the
/// first tags and the lint under it.
public struct ExportDialog: FormModel, Sendable, Equatable {
    public enum Focus: Int, CaseIterable, Sendable {
        case type, secure, escape, linkText
        case preset
        case cachebuster, cachebusterValue, ancost, ancostValue, redirect, redirectValue
        case delivery, email, generate, cancel
    }

    public enum Delivery: Sendable, Equatable { case now, email }

    public enum Request: Sendable, Equatable {
        case generateNow(TagOptions)
        case email(TagOptions, [String])
    }

    public let trackers: [Tracker]
    public private(set) var options: TagOptions
    public var formFocus = FormFocus(Focus.type)
    public private(set) var delivery = Delivery.now
    public private(set) var linkText: TextFieldState
    /// Each macro's value, kept while its box is unticked.
    public private(set) var cachebusterValue: TextFieldState
    public private(set) var ancostValue: TextFieldState
    public private(set) var redirectValue: TextFieldState
    public private(set) var email = TextFieldState(placeholder: "up to 10 addresses, comma-separated")
    public private(set) var message: String?
    public private(set) var previewScroll = 0

    /// `options` are the last ones used (or the configured defaults); each macro's value field
    /// starts from them, else from Invest's placeholder.
    /// Ticked trackers the screen's filter hides, among `trackers` (the title says so).
    public let hidden: Int

    public init(trackers: [Tracker], options: TagOptions, hidden: Int = 0) {
        self.trackers = trackers
        self.hidden = hidden
        let options = options.adapted(for: trackers.first?.kind ?? .click)
        self.options = options
        linkText = TextFieldState(options.linkText, maxLength: 200)
        func value(_ macro: TrackerMacro) -> TextFieldState {
            // An empty REDIRECT_URL is CM360's: the ad server appends the landing page after `redir=`.
            TextFieldState(options.macros[macro] ?? macro.placeholder,
                           placeholder: macro == .redirectURL ? "empty: the ad server appends the landing page" : "", maxLength: 1100)
        }
        cachebusterValue = value(.cachebuster)
        ancostValue = value(.ancost)
        redirectValue = value(.redirectURL)
    }

    public func textField(_ field: Focus) -> WritableKeyPath<ExportDialog, TextFieldState>? {
        switch field {
        case .linkText: \.linkText
        case .email: \.email
        case .cachebusterValue: \.cachebusterValue
        case .ancostValue: \.ancostValue
        case .redirectValue: \.redirectValue
        default: nil
        }
    }

    public mutating func textChanged(in field: Focus) { message = nil }

    /// The lint under the preview judges the options as they are typed.
    public mutating func focusLeft(_ field: Focus) {}

    /// A macro's typed value.
    func value(_ macro: TrackerMacro) -> String {
        switch macro {
        case .cachebuster: cachebusterValue.text
        case .ancost: ancostValue.text
        case .redirectURL: redirectValue.text
        }
    }

    static let allTypes: [ExportType] = [.javascript, .pixel, .link, .url]

    /// The kind of the trackers exported (one screen's: one kind).
    var kind: TrackerKind { trackers.first?.kind ?? .click }

    /// The types the trackers' kind has: an impression tracker has no Link.
    var types: [ExportType] { Self.allTypes.filter(kind.exportTypes.contains) }

    public var focusOrder: [Focus] {
        Focus.allCases.filter { target in
            switch target {
            case .linkText: options.type == .link
            case .secure: options.type != .pixel
            case .escape: options.type != .url
            case .cachebusterValue: options.macros[.cachebuster] != nil
            case .ancostValue: options.macros[.ancost] != nil
            case .redirectValue: options.macros[.redirectURL] != nil
            case .email: delivery == .email
            default: true
            }
        }
    }

    /// The options with the typed values in: what the preview shows and Generate uses.
    public var effectiveOptions: TagOptions {
        var result = options
        result.linkText = linkText.text
        for macro in TrackerMacro.allCases where result.macros[macro] != nil {
            // Trimmed: a value pasted with its newline is the value.
            result.macros[macro] = value(macro).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return result
    }

    public var findings: [LintFinding] { TagLint.check(trackers, options: effectiveOptions) + deliveryFindings }

    /// Mail with no address (or a bad one) goes nowhere: an error before it is sent, not after.
    var deliveryFindings: [LintFinding] {
        guard delivery == .email else { return [] }
        if email.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return [LintFinding(.error, trackerId: nil, "Email to: no address yet — type one or more, comma-separated, or deliver now")]
        }
        do {
            _ = try EmailAddress.parseList(email.text)
            return []
        } catch {
            return [LintFinding(.error, trackerId: nil, "Email to: \(error)")]
        }
    }

    /// The tags as they will be, or nil while the tags' own lint has errors (an address missing
    /// does not hide the preview).
    public var preview: String? {
        let options = effectiveOptions
        return TagLint.errors(in: TagLint.check(trackers, options: options)).isEmpty ? TagGenerator(options: options).export(trackers) : nil
    }

    // MARK: Input

    public enum Action: Sendable, Equatable { case generate, cancel, previewDown, previewUp }

    /// The dialog's own keys; moving between options is the form kit's (`FormMove`), and each
    /// option's keys are its kind's (`FormFieldKind`).
    public static let bindings: [Binding<Action>] = [
        Binding([.ctrl("s"), .ctrl("g")], .generate, "Generate the tags (or send the email)", footer: "generate"),
        Binding([KeyPress(.escape)], .cancel, "Cancel", footer: "cancel"),
        Binding([KeyPress(.pageDown)], .previewDown, "Scroll the preview down", footer: "preview"),
        Binding([KeyPress(.pageUp)], .previewUp, "Scroll the preview up"),
    ]

    /// The kinds of field the dialog has, for its help and hints.
    public static let kinds: [FormFieldKind] = [.radio, .toggle, .text, .button]

    public func kind(of field: Focus) -> FormFieldKind {
        switch field {
        case .type, .delivery, .preset: .radio
        case .secure, .escape, .cachebuster, .ancost, .redirect: .toggle
        case .linkText, .cachebusterValue, .ancostValue, .redirectValue, .email: .text
        case .generate, .cancel: .button
        }
    }

    /// The dialog's own action for `press`, if it has one (the first to be asked).
    static func action(for press: KeyPress) -> Action? { Binding.action(for: press, in: bindings) }

    public mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        switch event {
        case .key(let press):
            switch Self.action(for: press) {
            case .generate: return generate()
            case .cancel: return .close
            case .previewDown: previewScroll += 5; return .stay
            case .previewUp: previewScroll = max(0, previewScroll - 5); return .stay
            case nil: break
            }
            if routeMove(press) || routeText(press) { return .stay }
            if let action = fieldAction(for: press) { return perform(action, on: focus) }
        case .paste(let text):
            routePaste(text)
        case .mouse(let mouse):
            switch mouse.kind {
            case .wheelDown: previewScroll += 3
            case .wheelUp: previewScroll = max(0, previewScroll - 3)
            case .press, .click:
                let layout = layout(in: screen)
                if let button = layout.buttons.button(atX: mouse.x, y: mouse.y) {
                    setFocus(button == 0 ? .generate : .cancel)
                    return perform(.press, on: focus)
                }
                if layout.frame.contains(x: mouse.x, y: mouse.y), let target = layout.form.field(atX: mouse.x, y: mouse.y) {
                    setFocus(target)
                    if let action = kind(of: target).clickAction { return perform(action, on: target) }
                }
            default: break
            }
        case .resize:
            break
        }
        return .stay
    }

    /// An option's own action (its key, or a click on it).
    mutating func perform(_ action: FormFieldKind.Action, on target: Focus) -> ModalStep {
        switch (action, target) {
        case (.nextField, _): moveFocus(1)
        case (.previousChoice, .type), (.nextChoice, .type):
            let delta = action == .previousChoice ? -1 : 1
            let index = types.firstIndex(of: options.type) ?? 0
            options.type = types[(index + delta + types.count) % types.count]
        case (.previousChoice, .delivery), (.nextChoice, .delivery): delivery = delivery == .now ? .email : .now
        case (.previousChoice, .preset), (.nextChoice, .preset):
            let all = TagPreset.allCases
            let index = options.preset.flatMap(all.firstIndex(of:)) ?? (action == .nextChoice ? -1 : 0)
            choose(all[(index + (action == .previousChoice ? -1 : 1) + all.count) % all.count])
        case (.toggle, .secure): options.secure.toggle()
        case (.toggle, .escape): options.escapeAmpersands.toggle()
        case (.toggle, .cachebuster), (.toggle, .ancost), (.toggle, .redirect):
            let macro = target.macro!
            if options.macros[macro] == nil { options.macros[macro] = value(macro) } else { options.macros[macro] = nil }
        case (.press, .generate): return generate()
        case (.press, .cancel): return .close
        default: break
        }
        return .stay
    }

    /// A preset sets the cachebuster and the landing page as its ad server fills them — in the
    /// options and in the value fields the operator may change after.
    mutating func choose(_ preset: TagPreset) {
        preset.apply(to: &options, for: kind)
        cachebusterValue.text = preset.cachebuster
        if kind == .click, let redirect = preset.redirect { redirectValue.text = redirect }
        message = nil
    }

    mutating func generate() -> ModalStep {
        let errors = TagLint.errors(in: findings)
        guard errors.isEmpty else {
            message = "Fix first: " + errors.map(\.description).joined(separator: "; ")
            if !deliveryFindings.isEmpty { formFocus.set(.email) }
            return .stay
        }
        if delivery == .email {
            do {
                return .emit(.delivery(.deliver(.email(effectiveOptions, try EmailAddress.parseList(email.text)), trackers: trackers)))
            } catch {
                message = "\(error)"
                formFocus.set(.email)
                return .stay
            }
        }
        return .emit(.delivery(.deliver(.generateNow(effectiveOptions), trackers: trackers)))
    }

    /// Shown after a failed delivery, with the dialog kept as it was.
    public mutating func show(_ text: String) { message = text }

    // MARK: Drawing

    /// The title names what is exported: the tracker, or how many and the first IDs.
    var title: String {
        if trackers.count == 1, let tracker = trackers.first {
            return "Export Tags — \(kind.shortNoun) \(tracker.id) “\(DisplayWidth.truncate(tracker.name, to: 40))”"
                + (hidden > 0 ? " (hidden by the filter)" : "")
        }
        return "Export Tags — \(trackers.count) \(TrackerIDsText.of(trackers.map(\.id), hidden: hidden, kind: kind))"
    }

    /// Where everything is, for drawing and for the mouse.
    struct Layout {
        let frame: Rect
        /// The option lines (a macro's value shares its box's row).
        let form: FormLayout<Focus>
        let buttons: ButtonRow
    }

    static let labelWidth = 17

    func layout(in screen: Rect) -> Layout {
        let frame = screen.centered(width: min(screen.width - 2, 110), height: screen.height - 2)
        let fields = focusOrder.filter { $0 != .generate && $0 != .cancel }
        let form = FormLayout(fields, in: Rect(x: frame.x + 2, y: frame.y + 2, width: frame.width - 4, height: frame.height - 4),
                              labelWidth: Self.labelWidth, gapBefore: { $0 == .preset || $0 == .delivery },
                              inline: { $0.macro != nil && $0.valueField == nil })
        let buttons = ButtonRow([delivery == .now ? "Generate Tags" : "Send Email", "Cancel"], x: frame.x + 2, y: frame.maxY - 2)
        return Layout(frame: frame, form: form, buttons: buttons)
    }

    /// How each option looks now, for the form renderer.
    func view(_ target: Focus) -> FormFieldView {
        switch target {
        case .type:
            return FormFieldView("Type", .radio(types.map(\.label), selected: types.firstIndex(of: options.type) ?? 0))
        case .secure: return FormFieldView("", .checkbox("Secure (https)", checked: options.secure))
        case .escape: return FormFieldView("", .checkbox("Escape ampersands (&amp;)", checked: options.escapeAmpersands))
        case .linkText: return FormFieldView("Link text", .text(linkText, width: 60))
        case .email: return FormFieldView("Email to", .text(email, width: 60))
        case .preset:
            return FormFieldView("Ad server", .radio(TagPreset.allCases.map(\.shortLabel),
                                                     selected: options.preset.flatMap(TagPreset.allCases.firstIndex(of:)) ?? -1),
                                 heading: "Advanced Options — the receiving ad server and the macros")
        case .cachebuster, .ancost, .redirect:
            let macro = target.macro!
            let ticked = options.macros[macro] != nil
            return FormFieldView("", .checkbox(macro.label, checked: ticked), aside: ticked ? nil : "(not in the URL)", fromLabelColumn: true)
        case .cachebusterValue, .ancostValue, .redirectValue:
            return FormFieldView("", .text(self[keyPath: textField(target)!], width: 70))
        case .delivery:
            return FormFieldView("Deliver", .radio(["Generate tags now", "Send by email"], selected: delivery == .now ? 0 : 1),
                                 heading: "Delivery Options")
        case .generate, .cancel:
            return FormFieldView("", .choice(nil, placeholder: ""))
        }
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let layout = layout(in: buffer.bounds)
        let frame = layout.frame
        let inner = DialogFrame.render(title: title, in: frame, theme: theme, into: &buffer)
        buffer.write("Basic Options", x: inner.x, y: frame.y + 1, role: .dialogTitle, theme: theme)
        let cursor = FormRenderer.render(layout.form, focus: focus, view: view, theme: theme, into: &buffer)
        let lastRow = layout.form.lines.map(\.value.y).max() ?? frame.y + 1
        renderPreview(top: lastRow + 2, inner: inner, frame: frame, theme: theme, into: &buffer)
        FormRenderer.renderButtons(layout.buttons, focused: focus == .generate ? 0 : focus == .cancel ? 1 : nil,
                                   hints: FormRenderer.hints(Self.bindings, kinds: Self.kinds), maxX: inner.maxX, theme: theme, into: &buffer)
        buffer.cursor = cursor
    }

    /// The lines under the preview, each message wrapped whole: the last delivery's message,
    /// "ready", then the findings — errors first, then warnings, then notes — as many as leave
    /// the preview `minimumPreview` rows; a count says how many more there are.
    func lintLines(width: Int, rows available: Int) -> [(text: String, role: ThemeRole)] {
        var lines: [(String, ThemeRole)] = []
        if let message { lines += TextWrap.words(message, width: width).map { ($0, ThemeRole.textError) } }
        let findings = findings.sorted { Self.rank($0.severity) < Self.rank($1.severity) }
        if TagLint.errors(in: findings).isEmpty {
            let warnings = findings.filter { $0.severity == .warning }.count
            let warned = warnings == 0 ? "nothing to warn about" : "\(warnings) warning\(warnings == 1 ? "" : "s") below"
            lines += TextWrap.words("✓ Ready to export \(trackers.count) tracker\(trackers.count == 1 ? "" : "s"): \(warned)", width: width)
                .map { ($0, ThemeRole.textSuccess) }
        }
        for (index, finding) in findings.enumerated() {
            let mark = finding.severity == .error ? "✖ " : finding.severity == .warning ? "⚠ " : "· "
            let role: ThemeRole = finding.severity == .error ? .textError : finding.severity == .warning ? .textWarning : .textMuted
            let wrapped = TextWrap.words(mark + finding.description, width: width)
            let left = findings.count - index - 1
            // Whole findings only: the last row says how many did not fit.
            if lines.count + wrapped.count + (left > 0 ? 1 : 0) > available {
                lines.append(("… \(findings.count - index) more (clicktrax export lists every one)", .textMuted))
                break
            }
            lines += wrapped.map { ($0, role) }
        }
        return lines
    }

    static func rank(_ severity: LintFinding.Severity) -> Int {
        switch severity {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    static let minimumPreview = 2

    private func renderPreview(top: Int, inner: Rect, frame: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        let lint = lintLines(width: inner.width, rows: max(1, frame.maxY - 3 - top - Self.minimumPreview))
        let bottom = frame.maxY - 3 - lint.count
        if bottom > top {
            buffer.write("Preview", x: inner.x, y: top - 1, role: .dialogTitle, theme: theme)
            buffer.fill(Rect(x: inner.x, y: top, width: inner.width, height: bottom - top), role: .code, theme: theme)
            if let preview {
                let lines = TextWrap.hard(preview, width: inner.width)
                for (index, line) in lines.dropFirst(min(previewScroll, max(0, lines.count - 1))).prefix(bottom - top).enumerated() {
                    buffer.write(line, x: inner.x, y: top + index, maxWidth: inner.width, role: .code, theme: theme)
                }
            } else {
                buffer.write("No preview while the lint below has errors.", x: inner.x, y: top, maxWidth: inner.width, role: .textMuted,
                             theme: theme)
            }
        }
        for (row, line) in lint.enumerated() where frame.maxY - 3 - lint.count + row > top - 1 {
            buffer.write(line.text, x: inner.x, y: frame.maxY - 3 - lint.count + row, maxWidth: inner.width, role: line.role, theme: theme)
        }
    }
}

extension ExportDialog.Focus {
    var macro: TrackerMacro? {
        switch self {
        case .cachebuster, .cachebusterValue: .cachebuster
        case .ancost, .ancostValue: .ancost
        case .redirect, .redirectValue: .redirectURL
        default: nil
        }
    }

    var valueField: ExportDialog.Focus? {
        switch self {
        case .cachebuster: .cachebusterValue
        case .ancost: .ancostValue
        case .redirect: .redirectValue
        default: nil
        }
    }
}
