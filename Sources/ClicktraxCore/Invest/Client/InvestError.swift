/// What can go wrong talking to Invest, each case worded for the operator and mapped to the
/// CLI's exit status. The password never appears in any of them.
public enum InvestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// DNS, refused connection, TLS, timeout, a dropped connection: `host` and what happened.
    case network(host: String, reason: String)
    /// Invest answered with an error envelope (`error_id`, its `error` text, `error_code`).
    case api(service: String, errorId: String, message: String, code: String?)
    /// The answer was not the JSON the docs describe (not JSON, cut off, no `response`).
    case badResponse(service: String, detail: String)
    /// `POST /auth` refused the username or password.
    case wrongCredentials(username: String)
    /// `NOAUTH_EXPIRED`: the *password* expired; only the Invest UI can reset it.
    case passwordExpired(username: String)
    /// `NOAUTH_DISABLED`: the user was deactivated.
    case userDisabled(username: String)
    /// Invest refused another login (10 per 5 minutes).
    case loginLimit
    /// Throttled longer than the client waits.
    case throttled(service: String, waited: Int)
    /// The session expired and no password can be had without asking (no terminal).
    case needsLogin(String)
    /// The configuration or the command line was wrong (bad URL, http:// to a remote host).
    case badSetting(String)
    /// A feed report Invest said it could not make (`execution_status` neither pending nor ready).
    case reportFailed(report: String, status: String)
    /// A feed report that stayed pending longer than the client waits.
    case reportTimedOut(report: String, waited: Int)
    /// The member's `enable_click_and_imp_trackers` is off: Invest refuses trackers.
    case trackersDisabled(member: String)
    /// Another push, pull or pull-clicks holds the database (`SyncLock`).
    case busy(holder: String?, waited: Int)

    public var description: String {
        switch self {
        case .network(let host, let reason):
            "\(host): \(reason)"
        case .api(let service, let errorId, let message, let code):
            "Invest refused \(service): \(errorId)\(code.map { " (\($0))" } ?? ""): \(message)"
        case .badResponse(let service, let detail):
            "Invest's answer to \(service) was not usable: \(detail)"
        case .wrongCredentials(let username):
            "Invest refused the username or password of \(username)"
        case .passwordExpired(let username):
            "the Invest password of \(username) has expired: reset it in the Invest UI, then run clicktrax invest login"
        case .userDisabled(let username):
            "Invest says the user \(username) is deactivated: ask your Invest administrator, or log in as another user"
        case .loginLimit:
            "Invest refuses more logins for now (at most 10 in 5 minutes): wait a few minutes and try again"
        case .throttled(let service, let waited):
            "Invest kept throttling \(service) (waited \(waited) s in all); try again later"
        case .needsLogin(let why):
            "\(why): run clicktrax invest login"
        case .badSetting(let message):
            message
        case .reportFailed(let report, let status):
            "Invest could not make \(report) (execution_status “\(TerminalSafe.clip(status, 40))”); nothing of that window was stored"
        case .reportTimedOut(let report, let waited):
            "\(report) was still not ready after \(waited) s; nothing of that window was stored — try again later"
        case .busy(let holder, let waited):
            "another sync is running on this database — \(holder.map { TerminalSafe.clip($0, 160) } ?? "its holder did not say who")"
                + (waited > 0 ? "; waited \(waited) s" : "") + ": nothing was done; try again when it is done"
        case .trackersDisabled(let member):
            "nothing was pushed: \(TerminalSafe.clip(member, 80)) has enable_click_and_imp_trackers off, so Invest refuses click and "
                + "impression trackers — ask an Invest member admin to turn it on, then push again"
        }
    }

    /// 2 for what the operator typed or configured; 1 for everything the network or Invest did.
    public var exitCode: Int32 {
        switch self {
        case .badSetting: 2
        default: 1
        }
    }
}
