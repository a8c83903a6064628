import Foundation
import TextTools
import TOMLKit

/// The configuration file, `$XDG_CONFIG_HOME/clicktrax/config.toml`
/// (`~/.config/clicktrax/config.toml`):
///
/// ```toml
/// theme = "auto"                 # auto (light or default, as the terminal's background) or a theme's name or file
///
/// [tags]
/// host = "ib.adnxs.com"          # the tracker host
/// type = "javascript"            # javascript | pixel | link | url
/// secure = true
/// escape_ampersands = false
/// link_text = "YOUR TEXT HERE"
/// preset = "cm360"               # the receiving ad server: invest | gam | cm360 | dv360 | xandr (sets the macros below)
///
/// [tags.macros]                  # ticked by default (after the preset's); true = Invest's placeholder
/// cachebuster = "%%CACHEBUSTER%%"
/// redirect_url = true
///
/// [email]
/// from = "ad-ops@example.com"
/// command = ["msmtp", "--account=work"]   # run without a shell; -t -i are added
/// outbox = "~/clicktrax-outbox"
///
/// [clipboard]
/// command = ["xclip", "-selection", "clipboard"]   # besides OSC 52
///
/// [invest]
/// api = "https://api.appnexus.com"
/// username = "ops@example.com"
/// password_command = ["pass", "show", "invest"]   # run without a shell; first line of stdout
/// advertisers = [37236]                           # default: every advertiser the member has
/// timeout = 60                                    # seconds to wait for an answer
///
/// [helpers]
/// timeout = 10          # seconds the clipboard command, the mail command and password_command may take
/// ```
///
/// Every key is optional; a missing file is the defaults. A bad file is an error naming the
/// file, the line and the key.
public struct ClicktraxConfig: Sendable, Equatable {
    public var tags = TagOptions()
    public var email = EmailSettings()
    /// `[clipboard] command`: a program that takes text on stdin and puts it on the clipboard,
    /// used besides OSC 52 (e.g. ["xclip", "-selection", "clipboard"]).
    public var clipboardCommand: [String]?
    public var invest = InvestSettings()
    /// `[helpers] timeout`: how long an external helper may take before it is killed and its
    /// work called failed — a hung `xclip` or `msmtp` must not hang the app.
    public var helperTimeout: Double = 10
    /// `theme`: the UI's theme when `--theme` is not given; nil is `auto`.
    public var theme: String?

    public init() {}

    public static func defaultPath(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        var configHome = environment["XDG_CONFIG_HOME"] ?? ""
        if !configHome.hasPrefix("/") { configHome = home + "/.config" }
        return configHome + "/clicktrax/config.toml"
    }

    /// The file at `path`, or the defaults when there is none.
    public static func load(path: String) throws -> ClicktraxConfig {
        guard FileManager.default.fileExists(atPath: path) else { return ClicktraxConfig() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ClicktraxError.operational("\(path): cannot read the configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ClicktraxError.badInput("\(path): not UTF-8 text")
        }
        return try parse(text, source: path)
    }

    public static func parse(_ text: String, source: String) throws -> ClicktraxConfig {
        if let header = TOMLHeaderCheck.problem(in: text) {
            throw ClicktraxError.badInput("\(source):\(header.line): \(header.message)")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ClicktraxError.badInput("\(source):\(error.source.begin.line): \(error.description)")
        }
        var reader = ConfigReader(text: text, source: source)
        var config = ClicktraxConfig()
        try reader.only(["theme", "tags", "email", "clipboard", "invest", "helpers"], in: table, section: nil)
        if let theme = try reader.string("theme", in: table, section: nil) {
            guard !theme.isEmpty else { throw reader.error("theme", section: nil, "expected auto, a theme's name (default, light, high-contrast, mono) or a .toml file") }
            config.theme = theme
        }
        if let helpers = try reader.table("helpers", in: table, section: nil) {
            try reader.only(["timeout"], in: helpers, section: "helpers")
            if let value = helpers["timeout"] {
                guard let seconds = value.double ?? value.int.map(Double.init), seconds > 0, seconds <= 600 else {
                    throw reader.error("timeout", section: "helpers", "expected seconds, more than 0 and at most 600")
                }
                config.helperTimeout = seconds
            }
        }
        if let invest = try reader.table("invest", in: table, section: nil) {
            config.invest = try InvestSettings.read(invest, reader: reader)
        }
        if let clipboard = try reader.table("clipboard", in: table, section: nil) {
            try reader.only(["command"], in: clipboard, section: "clipboard")
            if let command = try reader.stringArray("command", in: clipboard, section: "clipboard") {
                guard let program = command.first, !program.isEmpty else {
                    throw reader.error("command", section: "clipboard", "expected the program and its arguments, e.g. [\"xclip\", \"-selection\", \"clipboard\"]")
                }
                config.clipboardCommand = command
            }
        }
        if let tags = try reader.table("tags", in: table, section: nil) {
            try reader.only(["host", "type", "secure", "escape_ampersands", "link_text", "preset", "macros"], in: tags, section: "tags")
            if let host = try reader.string("host", in: tags, section: "tags") {
                if let problem = HostRules.problem(host) { throw reader.error("host", section: "tags", problem) }
                config.tags.host = host
            }
            if let type = try reader.string("type", in: tags, section: "tags") {
                guard let value = ExportType(rawValue: type) else {
                    throw reader.error("type", section: "tags", "expected javascript, pixel, link or url (got “\(type)”)")
                }
                config.tags.type = value
            }
            if let secure = try reader.bool("secure", in: tags, section: "tags") { config.tags.secure = secure }
            if let escape = try reader.bool("escape_ampersands", in: tags, section: "tags") { config.tags.escapeAmpersands = escape }
            if let text = try reader.string("link_text", in: tags, section: "tags") { config.tags.linkText = text }
            // The preset first: the macros given beside it change its values.
            if let name = try reader.string("preset", in: tags, section: "tags") {
                guard let preset = TagPreset(rawValue: name) else {
                    let names = TagPreset.allCases.map(\.rawValue).joined(separator: ", ")
                    throw reader.error("preset", section: "tags", "expected one of \(names) (got “\(TerminalSafe.clip(name, 40))”)")
                }
                preset.apply(to: &config.tags)
            }
            if let macros = try reader.table("macros", in: tags, section: "tags") {
                try readMacros(macros, into: &config.tags, reader: &reader)
            }
        }
        if let email = try reader.table("email", in: table, section: nil) {
            try reader.only(["from", "command", "outbox"], in: email, section: "email")
            if let from = try reader.string("from", in: email, section: "email") {
                if let problem = EmailAddress.problem(from) { throw reader.error("from", section: "email", problem) }
                config.email.from = from
            }
            if let command = try reader.stringArray("command", in: email, section: "email") {
                guard let program = command.first, !program.isEmpty else {
                    throw reader.error("command", section: "email", "expected the program and its arguments, e.g. [\"msmtp\", \"--account=work\"]")
                }
                config.email.command = command
            }
            if let outbox = try reader.string("outbox", in: email, section: "email") { config.email.outbox = outbox }
        }
        return config
    }

    private static func readMacros(_ macros: TOMLTable, into tags: inout TagOptions, reader: inout ConfigReader) throws {
        let names = ["cachebuster": TrackerMacro.cachebuster, "ancost": .ancost, "redirect_url": .redirectURL]
        try reader.only(Array(names.keys).sorted(), in: macros, section: "tags.macros")
        for (key, macro) in names.sorted(by: { $0.key < $1.key }) {
            guard let value = macros[key] else { continue }
            if let flag = value.bool {
                if flag { tags.use(macro) }
            } else if let text = value.string {
                if let problem = MacroValueRules.problem(text, for: macro) { throw reader.error(key, section: "tags.macros", problem) }
                tags.use(macro, value: text)
            } else {
                throw reader.error(key, section: "tags.macros", "expected true, false or the macro's value as a string")
            }
        }
    }
}
