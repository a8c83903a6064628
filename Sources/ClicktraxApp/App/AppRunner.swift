import ClicktraxCore
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
    /// Performs what the app cannot itself (clipboard, suspend); returns a message to show.
    let perform: (AppEffect) -> Toast?

    public init(backend: TerminalBackend, screen: MainScreen, theme: Theme, perform: @escaping (AppEffect) -> Toast?) {
        self.backend = backend
        self.screen = screen
        self.theme = theme
        self.perform = perform
        commands = TrackerCommandRunner(store: screen.store)
    }

    /// Runs until the operator quits or `shouldStop` says so (a signal). Errors are shown as
    /// a toast; the loop never dies of one.
    public func run(shouldStop: () -> Bool = { false }) {
        var running = true
        while running && !shouldStop() {
            drawFrame()
            guard let event = backend.nextEvent(timeoutMilliseconds: 100) else {
                tick()
                continue
            }
            running = dispatch(event)
        }
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
        case .suspend, .copyTags:
            if let toast = perform(effect) { screen.toast = toast }
            backend.invalidate()
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
            _ = apply(.copyTags(targets))
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
            switch dialog.handle(event, screen: Rect(x: 0, y: 0, width: width, height: backend.size.height)) {
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
            switch dialog.handle(event, screen: Rect(x: 0, y: 0, width: width, height: backend.size.height)) {
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
            switch picker.handle(event, screen: Rect(x: 0, y: 0, width: width, height: backend.size.height)) {
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
        case .help(var overlay):
            if case .stay = overlay.handle(event) { modals.append(.help(overlay)) }
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
            for (row, line) in wrap(message, width: max(1, width)).enumerated() where row < height {
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
        backend.present(buffer)
    }

    /// Time passing with no input: toasts fade.
    func tick() {
        guard var toast = screen.toast else { return }
        toast.remainingTicks -= 1
        screen.toast = toast.remainingTicks > 0 ? toast : nil
    }

    func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && DisplayWidth.of(line) + 1 + DisplayWidth.of(String(word)) > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
