import Access
import Hummingbird

/// The context of every request hoso answers: Hummingbird's core storage plus the caller's address,
/// taken from the connection (for the audit log and the per-address rate limit), and the caller.
public struct HosoRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The remote IP address of the connection, "unknown" when there is none (tests, unix sockets).
    public let remoteIP: String
    /// Who is asking, put here once by `AuthenticationMiddleware` for the routes that read the archive;
    /// anonymous `public` elsewhere.
    public var caller: Caller

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let address = source.channel.remoteAddress
        remoteIP = address?.ipAddress ?? address?.pathname ?? "unknown"
        caller = .anonymous(remote: remoteIP)
    }
}
