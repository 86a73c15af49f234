import CLibPQ
import Foundation

/// What ipasn adds to a connection string that does not say it, so that a dead network never
/// hangs a workstation:
///
/// - `connect_timeout=10`: connecting gives up after 10 seconds (libpq's default is to wait
///   for the operating system, minutes on a dropped route).
/// - For connections over TCP (a host name or address, not a Unix socket directory):
///   `keepalives=1`, `keepalives_idle=30`, `keepalives_interval=10`, `keepalives_count=3`
///   (an idle connection whose server vanished is known dead within about a minute) and
///   `tcp_user_timeout=30000` (a statement sent to a vanished server fails after 30 seconds
///   instead of the kernel's 15 minutes of retransmissions).
///
/// A setting the connection string already has is kept as written.
enum PGConnectionDefaults {
    /// Always added when missing.
    static let always: [(String, String)] = [("connect_timeout", "10")]
    /// Added when missing for connections over TCP.
    static let overTCP: [(String, String)] = [
        ("keepalives", "1"), ("keepalives_idle", "30"), ("keepalives_interval", "10"), ("keepalives_count", "3"),
        ("tcp_user_timeout", "30000"),
    ]

    /// `conninfo` (a keyword string or a `postgresql://` URL) with the missing defaults
    /// added in its own form; unchanged when libpq cannot parse it (connecting then says why).
    /// `environment` supplies `PGHOST` for a string without a host.
    static func applied(to conninfo: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        guard let given = settings(conninfo) else { return conninfo }
        var added = always.filter { given[$0.0] == nil }
        if isOverTCP(given, environment: environment) { added += overTCP.filter { given[$0.0] == nil } }
        guard !added.isEmpty else { return conninfo }
        if conninfo.hasPrefix("postgresql://") || conninfo.hasPrefix("postgres://") {
            let query = added.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
            let (head, fragment) = splitFragment(conninfo)
            let separator = head.contains("?") ? (head.hasSuffix("?") || head.hasSuffix("&") ? "" : "&") : "?"
            return head + separator + query + fragment
        }
        let trimmed = conninfo.trimmingCharacters(in: .whitespaces)
        return ([trimmed].filter { !$0.isEmpty } + added.map { "\($0.0)=\($0.1)" }).joined(separator: " ")
    }

    /// The settings a connection string gives explicitly (keyword to value), or nil when
    /// libpq cannot parse it.
    static func settings(_ conninfo: String) -> [String: String]? {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &error) else {
            if let error { PQfreemem(error) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { values[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return values
    }

    /// Whether the connection goes over TCP: a `hostaddr`, or a host that is neither empty
    /// (libpq's default Unix socket) nor a socket directory (`/...`, or `@...` abstract).
    static func isOverTCP(_ settings: [String: String], environment: [String: String]) -> Bool {
        if let address = settings["hostaddr"], !address.isEmpty { return true }
        let host = settings["host"] ?? environment["PGHOST"] ?? ""
        return host.split(separator: ",").contains { entry in
            let name = entry.trimmingCharacters(in: .whitespaces)
            return !name.isEmpty && !name.hasPrefix("/") && !name.hasPrefix("@")
        }
    }

    private static func splitFragment(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(of: "#") else { return (url, "") }
        return (String(url[..<hash]), String(url[hash...]))
    }
}
