import Foundation

/// libcurl, opened when the first request is made (`dlopen`), not linked: linking it — through
/// FoundationNetworking, as URLSession did — loaded some thirty libraries (TLS, Kerberos, LDAP…)
/// into every run of clicktrax, about 10 ms of each start, for the few commands that talk to
/// Invest. The handful of calls the transport needs, with the constants of `curl/curl.h`.
struct LibCurl: @unchecked Sendable {
    typealias Handle = OpaquePointer
    /// `curl_easy_setopt` is variadic; each kind of argument gets a prototype of its own (on
    /// x86-64 and arm64 Linux a variadic call passes these in the same registers as a plain one).
    let setLong: @convention(c) (Handle?, Int32, Int) -> Int32
    let setPointer: @convention(c) (Handle?, Int32, UnsafeRawPointer?) -> Int32
    let easyInit: @convention(c) () -> Handle?
    let easyCleanup: @convention(c) (Handle?) -> Void
    let easyReset: @convention(c) (Handle?) -> Void
    let perform: @convention(c) (Handle?) -> Int32
    let getLong: @convention(c) (Handle?, Int32, UnsafeMutablePointer<Int>) -> Int32
    let strerror: @convention(c) (Int32) -> UnsafePointer<CChar>?
    let slistAppend: @convention(c) (OpaquePointer?, UnsafePointer<CChar>) -> OpaquePointer?
    let slistFree: @convention(c) (OpaquePointer?) -> Void

    /// Loaded once; the reason it could not be, to say when Invest is used.
    static let shared: Result<LibCurl, InvestTransport.Failure> = load()

    private static func load() -> Result<LibCurl, InvestTransport.Failure> {
        let names: [String] = ["libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"]
        guard let library = names.lazy.compactMap({ name in dlopen(name, RTLD_NOW) }).first else {
            return .failure(InvestTransport.Failure(
                reason: "cannot load libcurl, which talking to Invest needs (Debian: apt-get install -y libcurl4)", maybeDelivered: false))
        }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(library, name).map { unsafeBitCast($0, to: type) }
        }
        guard let globalInit = symbol("curl_global_init", as: (@convention(c) (Int) -> Int32).self),
              let setopt = dlsym(library, "curl_easy_setopt"), let getinfo = dlsym(library, "curl_easy_getinfo"),
              let easyInit = symbol("curl_easy_init", as: (@convention(c) () -> Handle?).self),
              let easyCleanup = symbol("curl_easy_cleanup", as: (@convention(c) (Handle?) -> Void).self),
              let easyReset = symbol("curl_easy_reset", as: (@convention(c) (Handle?) -> Void).self),
              let perform = symbol("curl_easy_perform", as: (@convention(c) (Handle?) -> Int32).self),
              let strerror = symbol("curl_easy_strerror", as: (@convention(c) (Int32) -> UnsafePointer<CChar>?).self),
              let slistAppend = symbol("curl_slist_append", as: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>) -> OpaquePointer?).self),
              let slistFree = symbol("curl_slist_free_all", as: (@convention(c) (OpaquePointer?) -> Void).self) else {
            return .failure(InvestTransport.Failure(reason: "the libcurl found lacks the functions Clicktrax uses", maybeDelivered: false))
        }
        // CURL_GLOBAL_ALL, once, before any handle (it is not thread-safe; `shared` is made once).
        guard globalInit(3) == 0 else {
            return .failure(InvestTransport.Failure(reason: "libcurl could not be initialised", maybeDelivered: false))
        }
        return .success(LibCurl(
            setLong: unsafeBitCast(setopt, to: (@convention(c) (Handle?, Int32, Int) -> Int32).self),
            setPointer: unsafeBitCast(setopt, to: (@convention(c) (Handle?, Int32, UnsafeRawPointer?) -> Int32).self),
            easyInit: easyInit, easyCleanup: easyCleanup, easyReset: easyReset, perform: perform,
            getLong: unsafeBitCast(getinfo, to: (@convention(c) (Handle?, Int32, UnsafeMutablePointer<Int>) -> Int32).self),
            strerror: strerror, slistAppend: slistAppend, slistFree: slistFree))
    }

    // Options (curl.h: LONG + n, OBJECTPOINT 10000 + n, FUNCTIONPOINT 20000 + n, OFF_T 30000 + n).
    static let writeData: Int32 = 10001
    static let url: Int32 = 10002
    static let httpHeader: Int32 = 10023
    static let headerData: Int32 = 10029
    static let customRequest: Int32 = 10036
    static let noProxy: Int32 = 10177
    static let copyPostFields: Int32 = 10165
    static let writeFunction: Int32 = 20011
    static let headerFunction: Int32 = 20079
    static let postFieldSizeLarge: Int32 = 30120
    static let lowSpeedLimit: Int32 = 19
    static let lowSpeedTime: Int32 = 20
    static let freshConnect: Int32 = 74
    static let forbidReuse: Int32 = 75
    static let httpGet: Int32 = 80
    static let noSignal: Int32 = 99
    static let timeoutMilliseconds: Int32 = 155
    static let connectTimeoutMilliseconds: Int32 = 156
    /// CURLINFO_LONG + 2.
    static let responseCode: Int32 = 0x20_0002

    // Results.
    static let ok: Int32 = 0
    static let couldNotResolveProxy: Int32 = 5
    static let couldNotResolveHost: Int32 = 6
    static let couldNotConnect: Int32 = 7
    static let weirdServerReply: Int32 = 8
    static let writeError: Int32 = 23
    static let outOfMemory: Int32 = 27
    static let operationTimedOut: Int32 = 28
    static let sslConnectError: Int32 = 35
    static let gotNothing: Int32 = 52
    static let sendError: Int32 = 55
    static let receiveError: Int32 = 56
    /// Certificates and ciphers: 51 (old peer verification), 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91.
    static let tlsFailures: Set<Int32> = [35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91]
}
