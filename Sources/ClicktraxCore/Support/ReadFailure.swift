import Foundation

/// Why a file could not be read, in the words of the system (`Permission denied`, `Is a
/// directory`) — never a Swift error type's description.
enum ReadFailure {
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return "a read error"
    }
}
