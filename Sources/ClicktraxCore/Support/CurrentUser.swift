import Foundation

/// Who runs this process, for the change log and the default From address.
enum CurrentUser {
    /// `$USER`, else `$LOGNAME`, else the password database's name for the uid.
    static func name(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()) { return String(cString: entry.pointee.pw_name) }
        return "uid\(getuid())"
    }
}
