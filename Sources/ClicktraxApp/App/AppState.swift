import ClicktraxCore
import TerminalUI
import TextTools

/// The whole app as a value: each screen with the dialogs over it, the toast, the undo history,
/// a background import's progress. `update` is the one place a message changes it — each
/// feature's messages in that feature's file; what must touch the world comes back as
/// `AppCommand`s, which `AppRunner` has performed and whose results come back here as messages.
/// Nothing here reads a store, a file or a clock.
public struct AppState: Sendable {
    /// Click Trackers and its dialogs (the tracker dialog, pickers, export, sync, import): always open.
    public internal(set) var trackers: ScreenStack<ClickTrackersScreen>
    /// Reports and its dialogs, once shown.
    public internal(set) var reports: ScreenStack<ReportsScreen>?
    /// Impression Trackers and its dialogs, once shown: the Click Trackers screen given the other
    /// kind, with an undo history of its own (`AppState+Impressions`).
    public internal(set) var impressions: ScreenStack<ClickTrackersScreen>?
    var impressionHistory = UndoHistory()
    /// Set while Impression Trackers' stack stands in for Click Trackers' (`asImpressions`).
    var standingIn = false
    /// A screen asked for while it did: the one shown after.
    var screenAsked: ScreenKind?
    /// The screen on the terminal.
    public internal(set) var shown = ScreenKind.clickTrackers
    public internal(set) var toast: Toast?
    /// The screen the toast was said on: it is shown there only.
    var toastScreen = ScreenKind.clickTrackers
    public internal(set) var layout: AppLayout
    public internal(set) var history = UndoHistory()
    /// The configured export options; the last ones used replace them (`exportOptions`).
    let tagDefaults: TagOptions
    /// The last Export options (remembered in the database): the dialog starts from them and
    /// `y` copies with them.
    public internal(set) var exportOptions: TagOptions
    /// A background import under way: files done, files, records.
    public internal(set) var importing: (filesDone: Int, files: Int, records: Int)?
    /// A helper (the clipboard's, the mail command) running in the background, what it does:
    /// the footer shows it, Esc stops it.
    public internal(set) var helperRunning: String?
    /// The connection to Invest and what is pending or conflicting (the title bar, the row marks).
    public internal(set) var sync = SyncStatus()
    /// The impression trackers' (what is pending or conflicting among them), standing in for
    /// `sync` while Impression Trackers handles an event (`asImpressions`).
    public internal(set) var impressionSync = SyncStatus()
    /// Read again before the next frame (after any change).
    var syncStale = true
    /// A pull or push under way in the background.
    public internal(set) var syncRun: SyncRun?
    public let databaseName: String

    public init(databaseName: String, width: Int, height: Int, tagDefaults: TagOptions = TagOptions()) {
        self.databaseName = databaseName
        trackers = ScreenStack(ClickTrackersScreen(databaseName: databaseName))
        layout = AppLayout(width: width, height: height)
        self.tagDefaults = tagDefaults
        exportOptions = tagDefaults
    }

    /// The Click Trackers screen (opened first, always there).
    public var clickTrackers: ClickTrackersScreen { trackers.screen }

    /// The dialogs of the screen shown, bottom to top.
    public var modals: [Modal] {
        get {
            switch shown {
            case .clickTrackers: trackers.modals
            case .reports: reports?.modals ?? []
            case .impressionTrackers: impressions?.modals ?? []
            }
        }
        set {
            switch shown {
            case .clickTrackers: trackers.modals = newValue
            case .reports: reports?.modals = newValue
            case .impressionTrackers: impressions?.modals = newValue
            }
        }
    }

    mutating func updateClickTrackers(_ change: (inout ClickTrackersScreen) -> Void) { change(&trackers.screen) }

    mutating func updateReports(_ change: (inout ReportsScreen) -> Void) {
        if reports != nil { change(&reports!.screen) }
    }

    /// What the first frame needs read.
    public mutating func start() -> [AppCommand] {
        [.delivery(.readExportOptions)] + needs()
    }

    /// Once the first frame is on screen (work started sooner slows it on two cores): the
    /// background reads, and watching for other processes' changes.
    public mutating func firstFramePainted() -> [AppCommand] {
        updateClickTrackers { $0.startReadingAhead() }
        return [.trackers(.prepareSearch), .watchDatabase] + needs()
    }

    public mutating func update(_ message: AppMessage) -> [AppCommand] {
        let dialogs = modals.count
        let commands = reduce(message)
        // A dialog just opened is the operator's next thing: a passing note about the last one
        // goes (an error stays until it fades).
        if modals.count > dialogs, toast?.kind != .error { toast = nil }
        return commands + needs()
    }

    /// The reads the next frame needs: the shown screen's, and its dialogs'.
    mutating func needs() -> [AppCommand] {
        var commands: [AppCommand] = []
        if syncStale {
            syncStale = false
            commands.append(.sync(.readSyncStatus))
        }
        switch shown {
        case .clickTrackers:
            commands += trackers.screen.needs(layout: layout)
            trackers.updateEach { commands += $0.needs() }
        case .reports:
            guard reports != nil else { break }
            commands += reports!.screen.needs(layout: layout)
            reports!.updateEach { commands += $0.needs() }
        case .impressionTrackers:
            commands += asImpressions { $0.needs() }
        }
        return commands
    }

    // MARK: Messages

    /// What a message changes; the commands it leads to. Each feature's in its own file.
    mutating func reduce(_ message: AppMessage) -> [AppCommand] {
        switch message {
        case .event(let event): return handle(event)
        case .tick:
            if var toast {
                toast.remainingTicks -= 1
                self.toast = toast.remainingTicks > 0 ? toast : nil
            }
        case .trackers(let message): return reduceTrackers(message)
        case .impressions(let message): return asImpressions { $0.reduce(message) }
        case .reports(let message): reduceReports(message)
        case .sync(let message): return reduceSync(message)
        case .delivery(let message): return reduceDelivery(message)
        case .imports(let message): return reduceImport(message)
        case .pathCompleted(let typed, let completion):
            // Path prompts are Click Trackers' (import, save the tags).
            trackers.updateTop { modal in
                guard case .path(var prompt) = modal, prompt.path.text == typed else { return false }
                prompt.complete(completion)
                modal = .path(prompt)
                return true
            }
        case .databaseChanged:
            // Another process changed the database: what is shown is read again.
            reloadScreens()
        case .failed(let error):
            if case .notFound = error { reloadScreens() }
            show("\(error)", .error)
        }
        return []
    }

    // MARK: Events

    mutating func handle(_ event: InputEvent) -> [AppCommand] {
        // Impression Trackers is Click Trackers' code on its own stack.
        if shown == .impressionTrackers { return asImpressions { $0.handle(event) } }
        if case .resize(let width, let height) = event {
            layout = AppLayout(width: width, height: height)
            return [.redraw]
        }
        if layout.isTooSmall {
            // Nothing can be seen: no key acts unseen. Ctrl-C still gets out.
            if case .key(let press) = event, press == .ctrl("c") { return [.quit] }
            return []
        }
        if case .key(let press) = event, let global = GlobalAction.action(for: press, takingText: modals.last?.takesText ?? screenTakesText),
           let commands = handleGlobal(global, press: press) {
            return commands
        }
        // Esc stops a running helper first, whatever dialog is open: the footer says so.
        if helperRunning != nil, case .key(let press) = event, press.key == .escape { return [.delivery(.cancelHelper)] }
        if modals.isEmpty, importing != nil, case .key(let press) = event, press.key == .escape {
            return [.imports(.cancelImport)]
        }
        let intent: [AppIntent]
        switch shown {
        case .clickTrackers:
            if !trackers.modals.isEmpty {
                intent = trackers.handleTop(event, screen: layout.bounds).map { [$0] } ?? []
            } else {
                intent = trackers.screen.handle(event, layout: layout)
            }
        case .reports:
            guard reports != nil else { return [] }
            if !reports!.modals.isEmpty {
                intent = reports!.handleTop(event, screen: layout.bounds).map { [$0] } ?? []
            } else {
                intent = reports!.screen.handle(event, layout: layout)
            }
        case .impressionTrackers:
            return []   // handled above, as Click Trackers with the impressions' stack
        }
        // `q` on a screen quits at once — unless a tracker dialog with typing in it waits on
        // either trackers screen (out of sight on the other one): then it asks, as Ctrl-C does.
        return intent.map { $0 == .quit && modals.isEmpty && editingAnywhere ? .askToQuit : $0 }.flatMap { perform($0) }
    }

    var screenTakesText: Bool {
        switch shown {
        case .clickTrackers: trackers.screen.takesText
        case .reports: reports?.screen.takesText ?? false
        case .impressionTrackers: impressions?.screen.takesText ?? false
        }
    }

    /// A key of the global layer; nil when the dialog it opened answers it (F1 in the help,
    /// Ctrl-C on "Quit Clicktrax?"). Where text is typed, `?` and Alt-N are not global at all.
    mutating func handleGlobal(_ action: GlobalAction, press: KeyPress) -> [AppCommand]? {
        switch action {
        case .help:
            if case .help? = modals.last { return nil }
            return perform(.openHelp)
        case .reload: return perform(.reload)
        case .suspend: return perform(.suspend)
        case .askToQuit:
            if case .confirm(let dialog)? = modals.last, dialog.onConfirm == .quit { return nil }
            return perform(.askToQuit)
        case .showScreen(let kind):
            return perform(.showScreen(kind))
        }
    }

    /// Turns what a screen or dialog asked for into dialogs and commands: each feature's in its
    /// own file; the app's own here.
    mutating func perform(_ intent: AppIntent) -> [AppCommand] {
        switch intent {
        case .trackers(let intent): return performTrackers(intent)
        case .sync(let intent): return performSync(intent)
        case .delivery(let intent): return performDelivery(intent)
        case .imports(let intent): return performImport(intent)
        case .openHelp:
            push(.help(HelpOverlay(sections: KeyBindingsDocument.sections)))
        case .completePath(let typed):
            return [.completePath(typed)]
        case .show(let toast):
            self.toast = toast
            toastScreen = shownForToasts
        case .showScreen(let kind):
            showScreen(kind)
        case .reload:
            reloadScreens()
            return [.redraw]
        case .suspend:
            return [.suspend]
        case .askToQuit:
            // "Everything is saved" would be untrue over a tracker dialog with typing in it.
            let message = editingAnywhere ? "Quit Clicktrax? The tracker you are editing is not saved: what you typed is lost."
                                  : "Quit Clicktrax? Everything is saved."
            push(.confirm(ConfirmDialog(title: "Quit", message: message, confirmLabel: "Quit", onConfirm: .quit)))
        case .quit:
            return [.quit]
        }
        return []
    }

    /// A tracker dialog with typing in it, on either trackers screen (while one stands in for
    /// the other, both stacks are still these two).
    var editingAnywhere: Bool {
        (trackers.modals + (impressions?.modals ?? [])).contains { if case .tracker(let dialog) = $0 { dialog.isDirty } else { false } }
    }

    mutating func show(_ text: String, _ kind: Toast.Kind = .info) {
        toast = Toast(text, kind: kind)
        toastScreen = shownForToasts
    }

    /// The screen a toast said now belongs to: while Impression Trackers' stack stands in for
    /// Click Trackers', what reads as Click Trackers is Impression Trackers.
    var shownForToasts: ScreenKind { standingIn && shown == .clickTrackers ? .impressionTrackers : shown }

    /// Something the operator must know from the first frame (the database is read-only, the
    /// locale is not UTF-8): shown as an error toast for longer than a passing message; a
    /// second one joins the first.
    public mutating func warnAtStart(_ text: String) {
        toast = Toast(toast.map { "\($0.message) · \(text)" } ?? text, kind: .error, ticks: 150)
        toastScreen = shown
    }

    /// A dialog over the screen shown (help, quit): the app's own.
    mutating func push(_ modal: Modal) { modals.append(modal) }

    mutating func reloadScreens() {
        trackers.screen.reload()
        reports?.screen.reload()
        impressions?.screen.reload()
        syncStale = true
    }

    mutating func showScreen(_ kind: ScreenKind) {
        if standingIn {
            // Swapped in for Click Trackers: the switch is made once the stacks are back.
            screenAsked = kind
            return
        }
        if kind == .reports && reports == nil { reports = ScreenStack(ReportsScreen()) }
        if kind == .impressionTrackers && impressions == nil {
            var screen = ClickTrackersScreen(databaseName: databaseName, kind: .impression)
            screen.sync = impressionSync
            screen.startReadingAhead()
            impressions = ScreenStack(screen)
        }
        shown = kind
    }

    // MARK: Drawing

    /// The frame: the screen, its dialogs bottom to top, the status; or, in a terminal too small
    /// for it, only the message saying so.
    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let (width, height) = (buffer.width, buffer.height)
        if layout.isTooSmall {
            let message = "terminal too small (need \(AppLayout.minimumWidth)×\(AppLayout.minimumHeight), have \(width)×\(height)); "
                + "enlarge it, or Ctrl-C quits"
            for (row, line) in TextWrap.words(message, width: max(1, width)).enumerated() where row < height {
                buffer.write(line, x: 0, y: max(0, height / 2 - 1) + row, role: .textWarning, theme: theme)
            }
            buffer.cursor = nil
            return
        }
        renderTitle(into: &buffer, theme: theme)
        switch shown {
        case .clickTrackers: trackers.screen.render(into: &buffer, layout: layout, theme: theme)
        case .reports: reports?.screen.render(into: &buffer, layout: layout, theme: theme)
        case .impressionTrackers: impressions?.screen.render(into: &buffer, layout: layout, theme: theme)
        }
        renderFooter(into: &buffer, theme: theme)
        for modal in modals {
            buffer.cursor = nil
            modal.render(into: &buffer, theme: theme)
        }
        // Toasts go on top, whole (wrapped), never over the key hints or a dialog's buttons: up
        // from the screen's last row, or, with a dialog open (its buttons are at its bottom), down
        // from under the title bar. Each screen's toast stays on its screen.
        if let toast, toastScreen == shown {
            let cursor = buffer.cursor
            toast.render(y: modals.isEmpty ? layout.status.y : layout.body.y, width: width, growingUp: modals.isEmpty, theme: theme,
                         into: &buffer)
            buffer.cursor = cursor
        }
    }

    /// The title bar: the product, where the operator is, the screens' tabs — always, the
    /// current one bright, shorter where room is short — then the Invest status and the
    /// database's name, which gives way first (from its start: its end names the file).
    /// Where the operator is: the screen's place in Invest's menus (Reports says what it reports).
    var breadcrumb: String {
        shown == .reports && reports?.screen.measure == .impressions ? "Reporting › Impressions" : shown.breadcrumb
    }

    func renderTitle(into buffer: inout ScreenBuffer, theme: Theme) {
        let title = layout.title
        buffer.fill(title, role: .titleBar, theme: theme)
        var status = ""
        if let run = syncRun {
            status = "\(run.kind == .pull ? "pulling" : "pushing") \(run.pages.grouped)/\(max(run.pages, run.expectedPages).grouped) pages"
        } else if let summary = (shown == .impressionTrackers ? impressionSync : sync).summary {
            status = "Invest \(summary)"
        }
        // The most the left side can say while the status keeps its room.
        let styles: [(breadcrumb: Bool, tab: (ScreenKind) -> String)] = [
            (true, { " Alt-\($0.rawValue + 1) \($0.title) " }), (true, { " Alt-\($0.rawValue + 1) \($0.shortTitle) " }),
            (false, { " Alt-\($0.rawValue + 1) \($0.shortTitle) " }), (false, { " \($0.rawValue + 1) \($0.shortTitle) " }),
        ]
        func leftWidth(_ style: (breadcrumb: Bool, tab: (ScreenKind) -> String)) -> Int {
            10 + (style.breadcrumb ? 2 + DisplayWidth.of(breadcrumb) : 0) + 1 + ScreenKind.allCases.reduce(0) { $0 + 1 + DisplayWidth.of(style.tab($1)) }
        }
        let style = styles.first { leftWidth($0) + DisplayWidth.of(status) + 4 <= title.width } ?? styles[styles.count - 1]
        var x = 1 + buffer.write("Clicktrax", x: 1, y: title.y, role: .titleProduct, theme: theme)
        if style.breadcrumb { x += buffer.write("  " + breadcrumb, x: x, y: title.y, role: .titleBar, theme: theme) }
        x += 1
        for kind in ScreenKind.allCases {
            x += 1 + buffer.write(style.tab(kind), x: x + 1, y: title.y, maxWidth: max(0, title.width - x - 1),
                                  role: kind == shown ? .titleProduct : .titleBar, theme: theme)
        }
        let room = max(0, title.width - x - 3)
        let nameRoom = room - DisplayWidth.of(status) - (status.isEmpty ? 0 : 3)
        let name = DisplayWidth.of(databaseName) <= nameRoom ? databaseName
            : nameRoom > 12 ? "…" + String(databaseName.suffix(nameRoom - 1)) : ""
        let right = name.isEmpty ? DisplayWidth.truncate(status, to: room) : (status.isEmpty ? name : status + " · " + name)
        buffer.write(right, x: title.width - DisplayWidth.of(right) - 1, y: title.y, maxWidth: room, role: .titleBar, theme: theme)
    }

    var footerHints: [(key: String, label: String)] {
        switch shown {
        case .clickTrackers: trackers.screen.footerHints
        case .reports: reports?.screen.footerHints ?? []
        case .impressionTrackers: impressions?.screen.footerHints ?? []
        }
    }

    func renderFooter(into buffer: inout ScreenBuffer, theme: Theme) {
        let footer = layout.footer
        if let helperRunning {
            buffer.fill(footer, role: .footer, theme: theme)
            let x = buffer.write(" \(helperRunning) ", x: 0, y: footer.y, maxWidth: footer.width, role: .textWarning, theme: theme)
            buffer.write(" Esc stops it", x: x, y: footer.y, maxWidth: max(0, footer.width - x), role: .footer, theme: theme)
            return
        }
        if let importing {
            buffer.fill(footer, role: .footer, theme: theme)
            let files = importing.files == 1 ? "1 file" : "\(importing.files) files"
            let text = " Importing in the background: \(importing.filesDone) of \(files), \(importing.records.grouped) records… "
            let x = buffer.write(text, x: 0, y: footer.y, role: .textWarning, theme: theme)
            buffer.write(" Esc cancels (nothing is written)", x: x, y: footer.y, role: .footer, theme: theme)
            return
        }
        if let run = syncRun {
            buffer.fill(footer, role: .footer, theme: theme)
            let verb = run.kind == .pull ? "Pulling from Invest" : "Pushing to Invest"
            let waited = run.waited > 0 ? ", waited \(Int(run.waited.rounded())) s" : ""
            let text = " \(verb) in the background: \(run.pages.grouped) pages, \(run.objects.grouped) objects\(waited)"
                + (run.note.map { " — \($0)" } ?? "")
            buffer.write(text, x: 0, y: footer.y, maxWidth: footer.width, role: .textWarning, theme: theme)
            return
        }
        FooterWidget.render(footerHints + Binding.footerHints(GlobalAction.bindings), y: footer.y, width: footer.width,
                            theme: theme, into: &buffer)
    }
}
