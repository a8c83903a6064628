import ClicktraxCore
import CursesTerminal
import Foundation
import TerminalUI

/// Finds the theme `--theme NAME|PATH` names: a path as given; a name in
/// `$XDG_CONFIG_HOME/clicktrax/themes/`, then where the binary is installed
/// (`<prefix>/share/clicktrax/themes`), then in each of `$XDG_DATA_DIRS` (`…/clicktrax/themes`);
/// the shipped themes — default, light, high-contrast, mono — are also built in, so nothing is
/// read from the source tree. `auto` is `light` on a light background and `default` on any other.
enum ThemeLocator {
    /// The theme as this terminal can show it.
    static func fitted(_ theme: Theme, environment: [String: String], colorCount: Int) -> Theme {
        // NO_COLOR, or a terminal without colour: the mono theme, attributes only.
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true || colorCount == 0 {
            return theme.name == "mono" ? theme : Theme.builtinMono
        }
        return theme
    }

    static func load(_ option: String?, environment: [String: String], background: TerminalBackground? = nil) throws -> Theme {
        guard let option, !option.isEmpty else { return .builtinDefault }
        if option == "auto" { return try load(background == .light ? "light" : "default", environment: environment) }
        do {
            if option.contains("/") || option.hasSuffix(".toml") {
                guard FileManager.default.fileExists(atPath: option) else {
                    throw ClicktraxError.badInput("--theme: no theme file \(option)")
                }
                return try ThemeFile.load(path: option)
            }
            for folder in searchFolders(environment: environment) {
                let path = "\(folder)/\(option).toml"
                if FileManager.default.fileExists(atPath: path) { return try ThemeFile.load(path: path) }
            }
        } catch let failure as ThemeFile.Failure {
            throw ClicktraxError.badInput(failure.description)
        }
        switch option {
        case "default": return .builtinDefault
        case "light": return .builtinLight
        case "mono": return .builtinMono
        case "high-contrast": return .builtinHighContrast
        default:
            throw ClicktraxError.badInput(
                "--theme: no theme named “\(option)” (looked in \(searchFolders(environment: environment).joined(separator: ", ")))")
        }
    }

    static func searchFolders(environment: [String: String]) -> [String] {
        var folders = [ClicktraxConfig.defaultPath(environment: environment).replacingOccurrences(of: "config.toml", with: "themes")]
        // <prefix>/bin/clicktrax → <prefix>/share/clicktrax/themes: an installed binary's own.
        let prefix = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        folders.append(prefix.appendingPathComponent("share/clicktrax/themes").path)
        let dataDirs = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        for dir in dataDirs.split(separator: ":") where dir.hasPrefix("/") {
            let folder = "\(dir)/clicktrax/themes"
            if !folders.contains(folder) { folders.append(folder) }
        }
        return folders
    }
}
