import Foundation
import Testing

@testable import IPASNPostgres

/// What the server says to a connection outside a statement never reaches the terminal.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresNoticeTests {
    /// User test 5: `pg_ctl restart -m fast` under five open workstations. The server tells each
    /// idle connection `FATAL:  terminating connection due to administrator command`; libpq
    /// hands an error that arrives outside a statement to its notice processor, whose default
    /// writes it to stderr, which is the workstation's screen: the text landed on the
    /// pimpinan's dashboard, scrolled it by a line and stayed there (the screen is drawn by
    /// differences) through Esc and F5. The connection now keeps it (``PGConnection/lastNotice``)
    /// and writes nothing. An administrator's `pg_terminate_backend` sends the same message.
    @Test func whatTheServerSaysBesideAStatementIsKeptNotWrittenToStderr() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let connection = try PGConnection(conninfo: conninfo)
        // The termination comes at a moment no test can choose (libpq parses it only when it
        // has read it before the connection's end), so the test sends a server message that
        // takes the very same path at a moment it chooses: a WARNING (client_min_messages lets
        // warnings through) goes to the notice processor like the FATAL.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let saved = dup(STDERR_FILENO)
        dup2(ends[1], STDERR_FILENO)  // stderr is unbuffered: libpq's fprintf lands at once
        let sent = Result { try connection.execute(sql: "DO $$ BEGIN RAISE WARNING 'usertest5 probe'; END $$") }
        dup2(saved, STDERR_FILENO)
        close(saved)
        close(ends[1])
        var written = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(ends[0], &buffer, buffer.count)
            if count <= 0 { break }
            written.append(contentsOf: buffer[0..<count])
        }
        close(ends[0])
        _ = try sent.get()
        let text = String(decoding: written, as: UTF8.self)
        #expect(!text.contains("usertest5 probe"), "written to stderr: \(text)")
        #expect(connection.lastNotice == "WARNING:  usertest5 probe", "\(String(describing: connection.lastNotice))")
    }
}
