import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// A dead network or a lock nobody releases never hangs the caller: the defaults added to a
/// connection string (pure, no server needed) and the bounded lock wait of a save.
struct PGConnectionDefaultsTests {
    private let noEnvironment: [String: String] = [:]

    @Test func aUnixSocketStringGetsAConnectTimeoutButNoKeepalives() {
        #expect(
            PGConnectionDefaults.applied(to: "host=/run/postgresql dbname=ipasn", environment: noEnvironment)
                == "host=/run/postgresql dbname=ipasn connect_timeout=10")
        #expect(
            PGConnectionDefaults.applied(to: "postgresql:///ipasn?host=/run/postgresql", environment: noEnvironment)
                == "postgresql:///ipasn?host=/run/postgresql&connect_timeout=10")
        // No host at all: libpq's default socket.
        #expect(PGConnectionDefaults.applied(to: "dbname=ipasn", environment: noEnvironment) == "dbname=ipasn connect_timeout=10")
        #expect(PGConnectionDefaults.applied(to: "", environment: noEnvironment) == "connect_timeout=10")
    }

    @Test func aHostNameGetsKeepalivesAndATCPUserTimeout() {
        let tcp = "connect_timeout=10 keepalives=1 keepalives_idle=30 keepalives_interval=10 keepalives_count=3 tcp_user_timeout=30000"
        #expect(
            PGConnectionDefaults.applied(to: "host=db.bkd.example dbname=ipasn", environment: noEnvironment)
                == "host=db.bkd.example dbname=ipasn " + tcp)
        #expect(
            PGConnectionDefaults.applied(to: "postgresql://ani@10.0.0.5:5432/ipasn", environment: noEnvironment)
                == "postgresql://ani@10.0.0.5:5432/ipasn?" + tcp.replacingOccurrences(of: " ", with: "&"))
        #expect(
            PGConnectionDefaults.applied(to: "hostaddr=10.0.0.5 dbname=ipasn", environment: noEnvironment)
                == "hostaddr=10.0.0.5 dbname=ipasn " + tcp)
        // A list of hosts with one over the network; PGHOST when the string names none.
        #expect(
            PGConnectionDefaults.applied(to: "host=/run/postgresql,db2 dbname=ipasn", environment: noEnvironment)
                == "host=/run/postgresql,db2 dbname=ipasn " + tcp)
        #expect(PGConnectionDefaults.applied(to: "dbname=ipasn", environment: ["PGHOST": "db"]) == "dbname=ipasn " + tcp)
    }

    @Test func whatTheStringSaysIsKept() {
        #expect(
            PGConnectionDefaults.applied(
                to: "postgresql://db/ipasn?connect_timeout=3&keepalives_idle=5", environment: noEnvironment)
                == "postgresql://db/ipasn?connect_timeout=3&keepalives_idle=5&keepalives=1&keepalives_interval=10"
                + "&keepalives_count=3&tcp_user_timeout=30000")
        let explicit =
            "host=db connect_timeout=2 keepalives=0 keepalives_idle=1 keepalives_interval=1 keepalives_count=1 tcp_user_timeout=0"
        #expect(PGConnectionDefaults.applied(to: explicit, environment: noEnvironment) == explicit)
        // Not a connection string libpq reads: left alone (connecting says what is wrong).
        #expect(PGConnectionDefaults.applied(to: "host=db nonsense=1", environment: noEnvironment) == "host=db nonsense=1")
    }
}

/// A connection failure says the server cannot be reached, on one line (libpq breaks its
/// message with a newline and a tab), never that a disk or a file failed.
struct PostgresConnectionMessageTests {
    @Test func anUnreachableServerIsNamedAsAServerOnOneLine() {
        let libpq = "connection to server on socket \"/run/postgresql/.s.PGSQL.5432\" failed: No such file or directory\n"
            + "\tIs the server running locally and accepting connections on that socket?"
        let error = PostgresStore.translate(PGError(sqlState: "08006", message: libpq), "postgresql:///ipasn")
        #expect(
            error == .io(
                "postgresql:///ipasn: connection to server on socket \"/run/postgresql/.s.PGSQL.5432\" failed: "
                    + "No such file or directory Is the server running locally and accepting connections on that socket?"))
        #expect(error.message(.id).hasPrefix("Server basis data tidak dapat dihubungi (postgresql:///ipasn: connection"))
        #expect(error.message(.id).hasSuffix("Periksa jaringan, atau tanyakan pengelola server apakah server menyala, lalu ulangi."))
        #expect(error.message(.en).hasPrefix("The database server cannot be reached (postgresql:///ipasn: "))
        #expect(!error.message(.id).contains("berkas") && !error.message(.id).contains("\n"))
        // A keyword connection string is a server too; a file stays a file.
        #expect(StoreError.io("host=/run/postgresql dbname=ipasn: gone").message(.id).hasPrefix("Server basis data"))
        #expect(StoreError.io("/srv/ipasn/ipasn.sqlite").message(.id).hasPrefix("Gagal membaca/menulis berkas basis data"))
    }
}

@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresNetworkBoundsTests {
    @Test func aConnectionUsesTheAddedConnectTimeoutUnlessItsStringSetsOne() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        #expect(try PGConnection(conninfo: conninfo).setting("connect_timeout") == "10")
        #expect(try PGConnection(conninfo: conninfo + " connect_timeout=4").setting("connect_timeout") == "4")
        // The test server is a Unix socket: no keepalives asked for.
        #expect(try PGConnection(conninfo: conninfo).setting("keepalives") == nil)
    }

    @Test func aRowHeldByAnotherSessionMakesASaveBusyWithinTheBoundAndNothingIsWritten() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        let store = try PostgresStore(
            conninfo, context: TestClock.context(actor: "ops"),
            patience: LockPatience(stallLimit: 0.2, pollInterval: 0.01, reportAfter: 0, reportInterval: 0))
        #expect(store.lockTimeoutStatement == "SET LOCAL lock_timeout = '200ms'")
        // An admin's psql session locks the employee's row and sits in its transaction
        // (it never takes ipasn's write lock, so only the row lock stands in the way).
        let psql = try PGConnection(conninfo: conninfo)
        try psql.execute(sql: "BEGIN")
        try psql.execute(sql: "SELECT nip FROM pegawai WHERE nip = ? FOR UPDATE", arguments: [SmallProvince.nipA])
        let error = #expect(throws: StoreError.self) {
            try store.add(SmallProvince.teknis(SmallProvince.nipA, "Kursus terkunci", jp: 20))
        }
        #expect(error == .busy)
        #expect(error?.message(.id).hasPrefix("Basis data lama ditahan proses lain") == true)
        try psql.execute(sql: "ROLLBACK")
        #expect(try store.records(nip: SmallProvince.nipA)?.diklat.isEmpty == true)
        #expect(try store.check() == [])
        // Released: the same save goes through on the same store.
        try store.add(SmallProvince.teknis(SmallProvince.nipA, "Kursus terkunci", jp: 20))
        #expect(try store.records(nip: SmallProvince.nipA)?.diklat.count == 1)
    }
}
