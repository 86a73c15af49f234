import Foundation
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The PostgreSQL server the tests use: `IPASN_TEST_PG`, a libpq connection string to a
/// database the tests may create databases from (`host=/tmp/ipasn-pg dbname=postgres`).
/// `make test` starts a throw-away cluster and sets it (`scripts/pg-test-cluster`); without
/// it the PostgreSQL tests are skipped, and say so.
enum PostgresTestServer {
    static let conninfo: String? = {
        let value = ProcessInfo.processInfo.environment["IPASN_TEST_PG"] ?? ""
        return value.isEmpty ? nil : value
    }()

    static var isAvailable: Bool { conninfo != nil }

    /// The note a skipped test shows.
    static let skipNote: Comment = "IPASN_TEST_PG is not set: PostgreSQL tests skipped (make test starts a server and runs them)"

    /// The migrated template every fresh database is copied from: made once per test
    /// process, named after the schema's migrations, replaced on every run (one database
    /// left on a developer's server, none on `make test`'s throw-away cluster).
    private static let template: Result<String, any Error> = Result {
        let name = "ipasn_test_template_\(PostgresSchema.migrations.count)"
        let admin = try PGConnection(conninfo: conninfo!)
        try admin.execute(sql: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        try admin.execute(sql: "CREATE DATABASE \(name)")
        try PostgresStore.prepareSchema(PostgresStore.conninfo(conninfo!, database: name))
        return name
    }

    private static let counter = Counter()

    /// A fresh, empty, migrated database (a copy of the template); dropped by `drop`.
    static func freshDatabase() throws -> (conninfo: String, name: String) {
        let template = try template.get()
        let name = "ipasn_test_\(ProcessInfo.processInfo.processIdentifier)_\(counter.next())"
        let admin = try PGConnection(conninfo: conninfo!)
        try admin.execute(sql: "CREATE DATABASE \(name) TEMPLATE \(template)")
        return (PostgresStore.conninfo(conninfo!, database: name), name)
    }

    /// Drops a test database, closing the connections still open on it.
    static func drop(_ name: String) {
        guard let admin = try? PGConnection(conninfo: conninfo!) else { return }
        _ = try? admin.execute(sql: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}

/// Hands out increasing numbers across threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

/// The databases one test made, dropped at its end.
final class TestDatabases: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []

    /// A fresh database and how to open stores on it (as the conformance suite wants).
    func make() throws -> StoreFactory {
        let conninfo = try makeConninfo()
        return { context in try PostgresStore(conninfo, context: context) }
    }

    /// A fresh database's connection string.
    func makeConninfo() throws -> String {
        let (conninfo, name) = try PostgresTestServer.freshDatabase()
        lock.withLock { names.append(name) }
        return conninfo
    }

    func dropAll() {
        for name in lock.withLock({ names }) { PostgresTestServer.drop(name) }
    }
}
