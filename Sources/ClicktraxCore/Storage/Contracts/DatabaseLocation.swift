import Foundation

/// Where the database file is: `--database PATH`, else `$CLICKTRAX_DATABASE`, else
/// `$XDG_DATA_HOME/clicktrax/clicktrax.sqlite` (`~/.local/share/clicktrax/clicktrax.sqlite`).
public enum DatabaseLocation {
    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return expandTilde(option, environment: environment) }
        if let fromEnvironment = environment["CLICKTRAX_DATABASE"], !fromEnvironment.isEmpty {
            return expandTilde(fromEnvironment, environment: environment)
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        var dataHome = environment["XDG_DATA_HOME"] ?? ""
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if dataHome.isEmpty || !dataHome.hasPrefix("/") { dataHome = home + "/.local/share" }
        return dataHome + "/clicktrax/clicktrax.sqlite"
    }

    public static func expandTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }
}
