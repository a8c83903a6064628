import ClicktraxCore
import Foundation
import TerminalUI

/// The loop of ARCHITECTURE.md: prepare → render (pure) → present (only what changed) → wait
/// for input → handle (the top dialog, else the screen) → perform effects. Single-threaded.
public final class AppRunner {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    let backend: TerminalBackend
    public private(set) var screen: MainScreen
    public private(set) var modals: [Modal] = []
    var commands: TrackerCommandRunner
    let theme: Theme
    /// The configured export options: `y` copies with these, the Export dialog starts from the
    /// last options used, else from these.
    let tagDefaults: TagOptions
    /// Told after every frame is on the screen: the event it answered (nil for the first frame)
    /// and how long answering took. For `CLICKTRAX_FRAME_LOG` and the benchmark.
    public var frameObserver: ((_ event: InputEvent?, _ took: Duration) -> Void)?
    /// Performs what the app cannot itself (clipboard, mail, files, suspend); returns a message.
    let perform: (AppEffect) -> Toast?

    static let lastExportKey = "export.last-options"

    public init(backend: TerminalBackend, screen: MainScreen, theme: Theme, tagDefaults: TagOptions = TagOptions(),
                perform: @escaping (AppEffect) -> Toast?) {
        self.backend = backend
        self.screen = screen
        self.theme = theme
        self.tagDefaults = tagDefaults
        self.perform = perform
        commands = TrackerCommandRunner(store: screen.store)
    }

    /// Runs until the operator quits or `shouldStop` says so (a signal). Errors are shown as
    /// a toast; the loop never dies of one.
    public func run(shouldStop: () -> Bool = { false }) {
        var running = true
        let clock = ContinuousClock()
        var answering: (event: InputEvent?, since: ContinuousClock.Instant)? = (nil, clock.now)
        var firstFrame = true
        while running && !shouldStop() {
            drawFrame()
            if let answering { frameObserver?(answering.event, answering.since.duration(to: clock.now)) }
            answering = nil
            if firstFrame {
                // Only once the screen is up: on two cores, work started sooner slows the first frame.
                firstFrame = false
                refreshSearchIndexInBackground()
                screen.startBackgroundReads()
            }
            guard let event = backend.nextEvent(timeoutMilliseconds: 100) else {
                tick()
                continue
            }
            answering = (event, clock.now)
            running = dispatch(event)
        }
    }

    /// After a catalog change (and at start, in case one happened elsewhere) the line item search
    /// index is rebuilt on another thread; until it is ready a search scans the names, so the
    /// screen never waits for it. A failure only leaves searching slower, so it is not reported.
    func refreshSearchIndexInBackground() {
        let store = screen.store
        DispatchQueue.global(qos: .utility).async { try? store.prepareSearch() }
    }

    /// Handles one event; false when the app should end. Public for the tests' driver.
    @discardableResult
    public func dispatch(_ event: InputEvent) -> Bool {
        if case .resize = event { backend.invalidate() }
        if !modals.isEmpty {
            if case .resize = event { return true }
            handleTopModal(event)
            return true
        }
        for effect in screen.handle(event) where !apply(effect) { return false }
        return true
    }

    /// Applies one effect; false for quit.
    private func apply(_ effect: AppEffect) -> Bool {
        switch effect {
        case .quit:
            return false
        case .redraw:
            backend.invalidate()
        case .suspend, .copyText, .email, .saveFile:
            if let toast = perform(effect) { screen.toast = toast }
            backend.invalidate()
        case .loadDemo:
            do {
                var summary = DemoCatalog.Summary()
                try screen.store.load(bulk: false) { summary = try DemoCatalog().fill($0) }
                screen.reload()
                refreshSearchIndexInBackground()
                screen.toast = Toast("Loaded the demo catalog: \(summary.lineItems) line items, \(summary.publishers) publishers, \(summary.trackers) click trackers",
                                     kind: .success)
            } catch {
                screen.toast = Toast("\(error)", kind: .error)
            }
        case .openImport:
            modals.append(.importPath(.importFiles()))
        case .openMoreActions:
            modals.append(.moreActions(MoreActionsMenu(hasTargets: !screen.targets.isEmpty, canUndo: commands.canUndo,
                                                      anchor: (MainScreen.moreActionsButton.x, MainScreen.moreActionsButton.maxY))))
        case .openHelp:
            modals.append(.help(HelpOverlay(sections: KeyBindingsDocument.sections)))
        case .openTracker(let id):
            do {
                if let id {
                    guard let tracker = try screen.store.tracker(id: id) else {
                        screen.toast = Toast("Tracker \(id) is gone: someone deleted it", kind: .error)
                        screen.reload()
                        return true
                    }
                    modals.append(.tracker(TrackerDialog(editing: tracker)))
                } else {
                    modals.append(.tracker(TrackerDialog()))
                }
            } catch {
                screen.toast = Toast("\(error)", kind: .error)
            }
        case .run(let command):
            run(command)
        }
        return true
    }

    private func run(_ command: TrackerCommand) {
        let targets = screen.targets
        if command != .undo && targets.isEmpty {
            screen.toast = Toast("\(command.label.replacingOccurrences(of: "…", with: "")): tick a tracker or move to one first", kind: .error)
            return
        }
        switch command {
        case .copyTags:
            do {
                let export = try TagExport.make(try targets.compactMap { try screen.store.tracker(id: $0) }, options: tagDefaults)
                if let toast = perform(.copyText(export.text)) {
                    let warning = export.warnings.first.map { " — warning: \($0)" } ?? ""
                    screen.toast = Toast("Copied \(targets.count) tag\(targets.count == 1 ? "" : "s") (\(tagDefaults.type.label)): \(toast.message)\(warning)",
                                         kind: toast.kind == .error ? .error : export.warnings.isEmpty ? .success : .info)
                }
            } catch {
                screen.toast = Toast("\(error)", kind: .error)
            }
        case .exportTags:
            do {
                let trackers = try targets.compactMap { try screen.store.tracker(id: $0) }
                modals.append(.export(ExportDialog(trackers: trackers, options: try rememberedExportOptions())))
            } catch {
                screen.toast = Toast("\(error)", kind: .error)
            }
        case .delete:
            let noun = targets.count == 1 ? "click tracker \(targets[0])" : "\(targets.count) click trackers"
            modals.append(.confirm(ConfirmDialog(
                title: "Delete", message: "Delete \(noun)? The change log keeps them, and u undoes it.", confirmLabel: "Delete"),
                .delete(targets)))
        default:
            execute(command, on: targets)
        }
    }

    private func execute(_ command: TrackerCommand, on targets: [Int64]) {
        do {
            let message = try commands.run(command, on: targets)
            if command == .delete { screen.forget(targets) } else { screen.reload() }
            screen.toast = Toast(message, kind: .success)
        } catch {
            screen.reload()
            screen.toast = Toast("\(error)", kind: .error)
        }
    }

    /// The whole terminal, which dialogs centre themselves in.
    var screenRect: Rect { Rect(x: 0, y: 0, width: backend.size.width, height: backend.size.height) }

    private func handleTopModal(_ event: InputEvent) {
        guard var top = modals.popLast() else { return }
        let width = backend.size.width
        switch top {
        case .moreActions(var menu):
            switch menu.handle(event, screenWidth: width) {
            case .stay:
                top = .moreActions(menu)
                modals.append(top)
                if case .key(let press) = event, press.key == .enter, let reason = menu.focusedReason {
                    screen.toast = Toast(reason, kind: .error)
                }
            case .cancel:
                break
            case .done(let command):
                run(command)
            }
        case .confirm(var dialog, let purpose):
            switch dialog.handle(event, screen: screenRect) {
            case .stay:
                modals.append(.confirm(dialog, purpose))
            case .cancel:
                if case .delete = purpose { screen.toast = Toast("Nothing was deleted") }
            case .done:
                switch purpose {
                case .delete(let targets): execute(.delete, on: targets)
                case .discardEdits:
                    _ = modals.popLast()
                    screen.toast = Toast("Edits discarded")
                }
            }
        case .tracker(var dialog):
            switch dialog.handle(event, screen: screenRect) {
            case .stay:
                modals.append(.tracker(dialog))
            case .cancel:
                break
            case .done(.confirmDiscard):
                modals.append(.tracker(dialog))
                modals.append(.confirm(ConfirmDialog(title: "Unsaved changes", message: "Throw away what you typed in this tracker?",
                                                     confirmLabel: "Discard"), .discardEdits))
            case .done(.pick(let kind)):
                modals.append(.tracker(dialog))
                var picker = PickerDialog(kind: kind)
                picker.refresh(from: screen.store)
                modals.append(.picker(picker))
            case .done(.save(let draft, let trackerId, let revision)):
                save(draft, trackerId: trackerId, revision: revision, dialog: dialog)
            }
        case .picker(var picker):
            switch picker.handle(event, screen: screenRect) {
            case .stay:
                picker.refresh(from: screen.store)
                modals.append(.picker(picker))
            case .cancel:
                break
            case .done(let choice):
                if case .tracker(var dialog)? = modals.last {
                    dialog.apply(choice, from: picker.kind)
                    modals[modals.count - 1] = .tracker(dialog)
                }
            }
        case .export(var dialog):
            switch dialog.handle(event, screen: screenRect) {
            case .stay:
                modals.append(.export(dialog))
            case .cancel:
                break
            case .done(let request):
                deliver(request, from: dialog)
            }
        case .result(var view):
            switch view.handle(event, screen: screenRect) {
            case .stay:
                modals.append(.result(view))
            case .cancel:
                break
            case .done(.copy):
                modals.append(.result(view))
                if let toast = perform(.copyText(view.export.text)) {
                    screen.toast = toast.kind == .error ? toast : Toast("Copied the tags: \(toast.message)", kind: .success)
                }
            case .done(.save):
                modals.append(.result(view))
                modals.append(.save(.saveTags(), view.export))
            }
        case .save(var prompt, let export):
            switch prompt.handle(event) {
            case .stay:
                modals.append(.save(prompt, export))
            case .cancel:
                break
            case .done(let path):
                let toast = perform(.saveFile(export.text, path: path))
                if let toast, toast.kind == .error {
                    prompt.show(toast.message)
                    modals.append(.save(prompt, export))
                } else if let toast {
                    screen.toast = toast
                }
            }
        case .importPath(var prompt):
            switch prompt.handle(event) {
            case .stay:
                modals.append(.importPath(prompt))
            case .cancel:
                break
            case .done(let path):
                importFiles(at: path, prompt: prompt)
            }
        case .message(var dialog):
            if case .stay = dialog.handle(event) { modals.append(.message(dialog)) }
        case .help(var overlay):
            if case .stay = overlay.handle(event) { modals.append(.help(overlay)) }
        }
    }

    /// Imports a file, or every .json and .csv file of a folder, all or nothing; shows the
    /// summary, or every problem found. Progress is drawn over the last frame as files are read.
    private func importFiles(at path: String, prompt: PathPrompt) {
        let expanded = path.hasPrefix("~/") ? (ProcessInfo.processInfo.environment["HOME"] ?? "") + path.dropFirst() : path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder) else {
            var prompt = prompt
            prompt.show("no such file or folder: \(expanded)")
            modals.append(.importPath(prompt))
            return
        }
        var files = [expanded]
        if isFolder.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: expanded)) ?? []
            files = names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".csv") }.sorted().map { expanded + "/" + $0 }
            guard !files.isEmpty else {
                var prompt = prompt
                prompt.show("no .json or .csv files in \(expanded)")
                modals.append(.importPath(prompt))
                return
            }
        }
        do {
            let summary = try Importer().run(files, into: screen.store, dryRun: false) { done, total, records in
                drawProgress("Importing: \(done) of \(total) file\(total == 1 ? "" : "s"), \(records) records…")
            }
            screen.reload()
            refreshSearchIndexInBackground()
            modals.append(.message(MessageDialog(title: "Imported \(summary.files) file\(summary.files == 1 ? "" : "s")",
                                                 lines: summary.lines.isEmpty ? ["The files hold no objects."] : summary.lines)))
        } catch let failure as ImportFailure {
            let lines = failure.description.split(separator: "\n").map(String.init)
            modals.append(.message(MessageDialog(title: "Import refused: nothing was written", lines: lines, isError: true)))
        } catch {
            modals.append(.message(MessageDialog(title: "Import failed: nothing was written", lines: ["\(error)"], isError: true)))
        }
    }

    /// A progress line over the current frame, drawn without reading the store (an import holds
    /// the write transaction).
    func drawProgress(_ text: String) {
        let (width, height) = backend.size
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return }
        var buffer = ScreenBuffer(width: width, height: height)
        screen.render(into: &buffer, theme: theme)
        let box = buffer.bounds.centered(width: min(width - 4, 60), height: 3)
        let inner = DialogFrame.render(title: "Import", in: box, theme: theme, into: &buffer)
        buffer.write(text, x: inner.x, y: inner.y, maxWidth: inner.width, role: .dialog, theme: theme)
        buffer.cursor = nil
        backend.present(buffer)
    }

    /// The Export dialog's options, kept for the next export, in the database.
    func rememberedExportOptions() throws -> TagOptions {
        guard let json = try screen.store.preference(Self.lastExportKey),
              let options = try? JSONDecoder().decode(TagOptions.self, from: Data(json.utf8)) else { return tagDefaults }
        return options
    }

    private func deliver(_ request: ExportDialog.Request, from dialog: ExportDialog) {
        let options: TagOptions
        switch request {
        case .generateNow(let chosen), .email(let chosen, _): options = chosen
        }
        do {
            let export = try TagExport.make(dialog.trackers, options: options)
            if let json = try? JSONEncoder().encode(options) {
                try? screen.store.setPreference(Self.lastExportKey, String(decoding: json, as: UTF8.self))
            }
            switch request {
            case .generateNow:
                modals.append(.result(ExportResultView(export: export)))
            case .email(_, let recipients):
                let toast = perform(.email(export, recipients))
                if let toast, toast.kind == .error {
                    var dialog = dialog
                    dialog.show(toast.message)
                    modals.append(.export(dialog))
                } else if let toast {
                    screen.toast = toast
                }
            }
        } catch {
            var dialog = dialog
            dialog.show("\(error)")
            modals.append(.export(dialog))
        }
    }

    /// Saves the dialog's tracker; on failure the dialog stays open with every message beside
    /// its field and nothing the operator typed lost.
    private func save(_ draft: TrackerDraft, trackerId: Int64?, revision: Int?, dialog: TrackerDialog) {
        do {
            let saved: ClickTracker
            if let trackerId, let revision {
                saved = try screen.store.updateTracker(id: trackerId, with: draft, expectedRevision: revision)
            } else {
                saved = try screen.store.createTracker(draft, id: nil)
            }
            try? commands.remember([saved.id])
            screen.reload()
            screen.toast = Toast("\(trackerId == nil ? "Created" : "Saved") click tracker \(saved.id) “\(saved.name)”", kind: .success)
        } catch {
            var dialog = dialog
            dialog.showFailure(error)
            modals.append(.tracker(dialog))
        }
    }

    /// Draws the current frame (for the loop, and for tests).
    public func drawFrame() {
        let (width, height) = backend.size
        var buffer = ScreenBuffer(width: width, height: height)
        if width < Self.minimumWidth || height < Self.minimumHeight {
            let message = "terminal too small (need \(Self.minimumWidth)×\(Self.minimumHeight), have \(width)×\(height))"
            for (row, line) in TextWrap.words(message, width: max(1, width)).enumerated() where row < height {
                buffer.write(line, x: 0, y: max(0, height / 2 - 1) + row, role: .textWarning, theme: theme)
            }
            backend.present(buffer)
            return
        }
        do {
            try screen.prepare(width: width, height: height)
        } catch {
            screen.toast = Toast("\(error)", kind: .error)
        }
        screen.render(into: &buffer, theme: theme)
        for modal in modals {
            buffer.cursor = nil
            modal.render(into: &buffer, theme: theme)
        }
        // Toasts go on top of everything: a result reported while a dialog is open is seen.
        if let toast = screen.toast {
            let cursor = buffer.cursor
            toast.render(y: height - 2, width: width, theme: theme, into: &buffer)
            buffer.cursor = cursor
        }
        backend.present(buffer)
    }

    /// Time passing with no input: toasts fade.
    func tick() {
        guard var toast = screen.toast else { return }
        toast.remainingTicks -= 1
        screen.toast = toast.remainingTicks > 0 ? toast : nil
    }
}
