import ClicktraxCore
import TerminalUI
import TextTools

/// The whole app as a value: the screens, the dialogs over them, the toast, the undo history,
/// a background import's progress. `update` is the one place a message changes it; what must
/// touch the world comes back as `AppCommand`s, which `AppRunner` has performed and whose
/// results come back here as messages. Nothing here reads a store, a file or a clock.
public struct AppState: Sendable {
    /// The screens opened, the one shown last.
    public internal(set) var screens: [AppScreen]
    public internal(set) var modals: [Modal] = []
    public internal(set) var toast: Toast?
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
    /// Read again before the next frame (after any change).
    var syncStale = true
    /// A pull or push under way in the background.
    public internal(set) var syncRun: SyncRun?
    public let databaseName: String

    public init(databaseName: String, width: Int, height: Int, tagDefaults: TagOptions = TagOptions()) {
        self.databaseName = databaseName
        screens = [.clickTrackers(ClickTrackersScreen(databaseName: databaseName))]
        layout = AppLayout(width: width, height: height)
        self.tagDefaults = tagDefaults
        exportOptions = tagDefaults
    }

    public var screen: AppScreen { screens[screens.count - 1] }

    /// The Click Trackers screen (opened first, always there).
    public var clickTrackers: ClickTrackersScreen {
        for case .clickTrackers(let screen) in screens { return screen }
        preconditionFailure("the Click Trackers screen is always open")
    }

    mutating func updateClickTrackers(_ change: (inout ClickTrackersScreen) -> Void) {
        for index in screens.indices {
            guard case .clickTrackers(var screen) = screens[index] else { continue }
            change(&screen)
            screens[index] = .clickTrackers(screen)
        }
    }

    /// What the first frame needs read.
    public mutating func start() -> [AppCommand] {
        [.readExportOptions] + needs()
    }

    /// Once the first frame is on screen (work started sooner slows it on two cores): the
    /// background reads, and watching for other processes' changes.
    public mutating func firstFramePainted() -> [AppCommand] {
        updateClickTrackers { $0.startReadingAhead() }
        return [.prepareSearch, .watchDatabase] + needs()
    }

    public mutating func update(_ message: AppMessage) -> [AppCommand] {
        let commands = reduce(message)
        return commands + needs()
    }

    /// The reads the next frame needs: the shown screen's, and each dialog's.
    mutating func needs() -> [AppCommand] {
        var commands: [AppCommand] = []
        if syncStale {
            syncStale = false
            commands.append(.readSyncStatus)
        }
        commands += screens[screens.count - 1].needs(layout: layout)
        for index in modals.indices { commands += modals[index].needs() }
        return commands
    }

    // MARK: Events

    mutating func handle(_ event: InputEvent) -> [AppCommand] {
        if case .resize(let width, let height) = event {
            layout = AppLayout(width: width, height: height)
            return [.redraw]
        }
        if layout.isTooSmall {
            // Nothing can be seen: no key acts unseen. Ctrl-C still gets out.
            if case .key(let press) = event, press == .ctrl("c") { return [.quit] }
            return []
        }
        if case .key(let press) = event, let global = Binding.action(for: press, in: GlobalAction.bindings),
           let commands = handleGlobal(global, press: press) {
            return commands
        }
        // Esc stops a running helper first, whatever dialog is open: the footer says so.
        if helperRunning != nil, case .key(let press) = event, press.key == .escape { return [.cancelHelper] }
        if !modals.isEmpty { return handleTopModal(event) }
        if importing != nil, case .key(let press) = event, press.key == .escape {
            return [.cancelImport]
        }
        let last = screens.count - 1
        let intents = screens[last].handle(event, layout: layout)
        return intents.flatMap { perform($0) }
    }

    /// A key of the global layer; nil when the context takes it after all (`?` typed in a field,
    /// F1 or Ctrl-C answered by the dialog they opened).
    mutating func handleGlobal(_ action: GlobalAction, press: KeyPress) -> [AppCommand]? {
        let takesText = modals.last?.takesText ?? screen.takesText
        switch action {
        case .help:
            if press == .char("?") && takesText { return nil }
            if case .help? = modals.last { return nil }
            return perform(.openHelp)
        case .reload: return perform(.reload)
        case .suspend: return perform(.suspend)
        case .askToQuit:
            if case .confirm(let dialog)? = modals.last, dialog.purpose == .quit { return nil }
            return perform(.askToQuit)
        case .showScreen(let kind):
            if takesText { return nil }
            return perform(.showScreen(kind))
        }
    }

    /// The top dialog has the event; its one step changes the stack here, and only here.
    mutating func handleTopModal(_ event: InputEvent) -> [AppCommand] {
        var top = modals.removeLast()
        switch top.handle(event, screen: layout.bounds) {
        case .stay:
            modals.append(top)
        case .close:
            break
        case .replace(let modal):
            modals.append(modal)
        case .push(let modal):
            modals.append(top)
            modals.append(modal)
        case .emit(let intent):
            modals.append(top)
            return perform(intent)
        case .closeAndEmit(let intent):
            return perform(intent)
        }
        return []
    }

    /// Changes the top dialog if it is of the kind `change` takes; false if it is not.
    @discardableResult
    mutating func updateTop(_ change: (inout Modal) -> Bool) -> Bool {
        guard var top = modals.last else { return false }
        let changed = change(&top)
        if changed { modals[modals.count - 1] = top }
        return changed
    }

    mutating func show(_ text: String, _ kind: Toast.Kind = .info) {
        toast = Toast(text, kind: kind)
    }

    /// Something the operator must know from the first frame (the database is read-only, the
    /// locale is not UTF-8): shown as an error toast for longer than a passing message; a
    /// second one joins the first.
    public mutating func warnAtStart(_ text: String) {
        toast = Toast(toast.map { "\($0.message) · \(text)" } ?? text, kind: .error, ticks: 150)
    }

    mutating func push(_ modal: Modal) { modals.append(modal) }

    mutating func popTop(if kind: Modal.Kind) {
        if modals.last?.kind == kind { modals.removeLast() }
    }

    mutating func reloadScreens() {
        for index in screens.indices { screens[index].reload() }
        syncStale = true
    }


    mutating func showScreen(_ kind: ScreenKind) {
        if let index = screens.firstIndex(where: { $0.kind == kind }) {
            screens.append(screens.remove(at: index))
            return
        }
        switch kind {
        case .clickTrackers: break // always open
        case .reports: screens.append(.reports(ReportsScreen()))
        }
    }

    mutating func updateReports(_ change: (inout ReportsScreen) -> Void) {
        for index in screens.indices {
            guard case .reports(var screen) = screens[index] else { continue }
            change(&screen)
            screens[index] = .reports(screen)
        }
    }

    // MARK: Drawing

    /// The frame: the screen, the dialogs bottom to top, the status; or, in a terminal too small
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
        screen.render(into: &buffer, layout: layout, theme: theme)
        renderFooter(into: &buffer, theme: theme)
        for modal in modals {
            buffer.cursor = nil
            modal.render(into: &buffer, theme: theme)
        }
        // Toasts go on top, where no dialog is: over the screen's last row, or with a dialog
        // open on the footer row, which no dialog covers.
        if let toast {
            let cursor = buffer.cursor
            let row = modals.isEmpty ? layout.status.y : layout.footer.y
            toast.render(y: row, width: width, theme: theme, into: &buffer)
            buffer.cursor = cursor
        }
    }

    func renderTitle(into buffer: inout ScreenBuffer, theme: Theme) {
        let title = layout.title
        buffer.fill(title, role: .titleBar, theme: theme)
        var x = 1 + buffer.write("Clicktrax", x: 1, y: title.y, role: .titleProduct, theme: theme)
        x += buffer.write("  " + screen.kind.breadcrumb, x: x, y: title.y, role: .titleBar, theme: theme)
        var right = databaseName
        if let run = syncRun {
            right = "\(run.kind == .pull ? "pulling" : "pushing") \(run.pages.grouped)/\(max(run.pages, run.expectedPages).grouped) pages · " + right
        } else if let summary = sync.summary {
            right = "Invest \(summary) · " + right
        }
        // The screens' tabs (the current one bright) where they fit beside what the right side
        // says up to the database's name (which gives way first).
        let rightNeeds = DisplayWidth.of(right) - DisplayWidth.of(databaseName) + min(12, DisplayWidth.of(databaseName))
        x += 1
        for kind in ScreenKind.allCases {
            let label = " Alt-\(kind.rawValue + 1) \(kind.title) "
            guard x + DisplayWidth.of(label) + rightNeeds + 4 < title.width else { break }
            x += 1 + buffer.write(label, x: x + 1, y: title.y, role: kind == screen.kind ? .titleProduct : .titleBar, theme: theme)
        }
        let shown = DisplayWidth.truncate(right, to: max(0, title.width - x - 4))
        buffer.write(shown, x: title.width - DisplayWidth.of(shown) - 1, y: title.y, role: .titleBar, theme: theme)
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
        FooterWidget.render(screen.footerHints + Binding.footerHints(GlobalAction.bindings), y: footer.y, width: footer.width,
                            theme: theme, into: &buffer)
    }
}
