import ArgumentParser
import ClicktraxCore
import Foundation

/// `clicktrax export ID…` (click trackers), `clicktrax imptrackers export ID…`: the tags, printed,
/// saved to a file, or mailed.
struct ExportCommand<Kind: TrackerCommandKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: "Export \(Kind.kind.noun) tags: print them, save them (--output) or mail them (--email).",
            discussion: Kind.kind == .click ? """
                Defaults come from the configuration file's [tags] section. Lint runs first: errors (a malformed \
                macro value, a link or URL that leads nowhere) stop the export with exit status 2; warnings \
                (non-secure tag, inactive tracker, ANCOST over a payment rule, no landing page on a piggyback tag) \
                are printed on stderr and the export goes ahead.
                """ : """
                Tags at imptr: javascript (t=1), pixel or url (t=2); an impression has no link and no landing page, so \
                a preset sets the cachebuster only. Defaults come from the configuration file's [tags] section (its \
                redirect-url is a click's and is left out). Lint runs first, as for click trackers.
                """)
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(
        "The trackers' IDs: one or several per argument (21378,21379), or - to read them from standard input.",
        valueName: "id"))
    var idArguments: [String] = []

    @Option(help: "javascript, pixel, link or url (link: click trackers only; default: the configuration's, else javascript).")
    var type: ExportType?

    @Option(help: ArgumentHelp(
        "The ad server that serves the tags: invest, gam, cm360, dv360 or xandr. It sets the cachebuster and the landing page "
            + "(redir) as that ad server fills them; --macro changes one after.", valueName: "name"))
    var preset: TagPreset?

    @Option(name: .customLong("macro"), help: ArgumentHelp(
        "A macro to include: cachebuster, ancost or redirect-url, with =VALUE for the ad server's own macro or a literal, "
            + "redirect-url= for an empty last redir (repeatable; replaces the configured set, or changes the preset's).",
        valueName: "name[=value]"))
    var macros: [MacroArgument] = []

    @Flag(help: "Include no macros, whatever the configuration says.")
    var noMacros = false

    @Flag(help: "An http tag instead of https (not for the pixel, which is always secure).")
    var nonSecure = false

    @Flag(help: "Write & as &amp; in attributes (a browser reaches the same URL either way).")
    var escapeAmpersands = false

    @Option(help: "The Link type's text (default: YOUR TEXT HERE).")
    var linkText: String?

    @Option(help: "The tracker host (default: ib.adnxs.com).")
    var host: String?

    @Option(help: ArgumentHelp("Save the tags to this file (written whole or not at all) instead of printing them.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Mail the tags to up to 10 comma-separated addresses.", valueName: "a@x.com,b@y.com"))
    var email: String?

    static var warningsListed: Int { 20 }

    func validate() throws {
        if noMacros && !macros.isEmpty {
            throw ValidationError("--no-macros and --macro contradict each other: give one (--macro alone replaces the configured set)")
        }
    }

    func run() throws {
        let ids = try TrackerIDList.parse(idArguments)
        guard !ids.isEmpty else { throw ClicktraxError.badInput("export: name at least one tracker ID") }
        let config = try global.loadConfig()
        let kind = Kind.kind
        // The configuration's landing page is a click's; its type may be one an impression has not.
        var options = config.tags.adapted(for: kind)
        if let type { options.type = type }
        if nonSecure {
            guard options.type != .pixel else {
                throw ClicktraxError.badInput("--non-secure: the secure pixel is always https; use --type javascript, link or url for an http tag")
            }
            options.secure = false
        }
        if escapeAmpersands { options.escapeAmpersands = true }
        if let linkText { options.linkText = linkText }
        if let host { options.host = host }
        if let preset { preset.apply(to: &options, for: kind) }
        if noMacros || (!macros.isEmpty && preset == nil) {
            // --macro alone replaces the configured set; after --preset it changes the preset's.
            let configured = options.macros
            options.macros = [:]
            for macro in macros { options.use(macro.macro, value: macro.value ?? configured[macro.macro]) }
        } else {
            for macro in macros { options.use(macro.macro, value: macro.value ?? options.macros[macro.macro]) }
        }
        // Everything the operator gave is checked before anything is written or sent.
        let recipients = try email.map(EmailAddress.parseList)
        let store = try global.openStore(for: kind)
        let trackers = try store.trackers(ids: ids)
        let found = Set(trackers.map(\.id))
        let unknown = ids.filter { !found.contains($0) }
        guard unknown.isEmpty else {
            throw ClicktraxError.badInput("no \(kind.noun) with ID \(unknown.map(String.init).joined(separator: ", "))")
        }
        let export = try TagExport.make(trackers, options: options)
        // A big export's warnings would bury the result: the first few, then a count.
        for note in export.notes { ObjectPrinter.note("note: \(note)") }
        for warning in export.warnings.prefix(Self.warningsListed) { ObjectPrinter.note("warning: \(warning)") }
        if export.warnings.count > Self.warningsListed {
            ObjectPrinter.note("… and \(export.warnings.count - Self.warningsListed) more warnings (export fewer trackers to see them all)")
        }

        if let output {
            try AtomicFile.write(Data(export.text.utf8), to: output)
            if AtomicFile.descriptor(named: output) == nil {
                ObjectPrinter.note("saved \(trackers.count) tag\(trackers.count == 1 ? "" : "s") to \(output)")
            }
        }
        if let recipients {
            let delivery = MailDelivery(settings: config.email, environment: ProcessInfo.processInfo.environment, timeout: config.helperTimeout)
            let message = TagEmail(from: delivery.from, to: recipients, export: export)
            switch try delivery.deliver(message) {
            case .sent(let command):
                ObjectPrinter.note("sent to \(recipients.joined(separator: ", ")) through \(command)")
            case .savedToOutbox(let path):
                // Not sent is a failure (exit 1), so a script does not take it for delivered.
                throw ClicktraxError.operational(
                    "no mail command configured and no sendmail on PATH: the message was NOT sent; it is saved as \(path)")
            }
        }
        if output == nil && recipients == nil { try ObjectPrinter.write(export.text) }
    }
}

extension ExportType: ExpressibleByArgument {}
extension TagPreset: ExpressibleByArgument {}

/// `--macro cachebuster` or `--macro cachebuster=%%CACHEBUSTER%%`.
struct MacroArgument: ExpressibleByArgument {
    var macro: TrackerMacro
    var value: String?

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].lowercased().replacingOccurrences(of: "_", with: "-")
        guard let macro = TrackerMacro(rawValue: name) else { return nil }
        self.macro = macro
        value = parts.count == 2 ? String(parts[1]) : nil
    }

    static var allValueStrings: [String] { TrackerMacro.allCases.map(\.rawValue) }
}
