import CLibPQ
import Foundation
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// What libpq hands out, scripted: each call of ``next()`` gives the next result of the script
/// (a result made without a connection, `PQmakeEmptyPGresult`), `nil` for a NULL; once the
/// script is done, NULL for ever (a connection that will never deliver the rest).
final class ScriptedResults {
    enum Item { case result(ExecStatusType), null }
    private var items: [Item]
    /// Calls of ``next()`` so far.
    private(set) var calls = 0

    init(_ items: [Item]) { self.items = items }

    func next() -> OpaquePointer? {
        calls += 1
        guard !items.isEmpty else { return nil }
        switch items.removeFirst() {
        case .null: return nil
        case .result(let status): return PQmakeEmptyPGresult(nil, status)
        }
    }
}

/// An error result made by the script (its status is all it has).
struct ScriptedFailure: Error, Equatable {
    var status: String
}

/// Issue 12's hang in `ipasn import`: the server killed at the wrong moment, `PQgetResult`
/// returned NULL while the connection still looked up, and the loop reading a pipeline's
/// results (waiting for the sync's result that would never come) never ended. The reading is
/// now bounded by libpq's own contract (each statement's result and ONE NULL, then the sync's
/// result): these tests script what libpq returns, without a server, and count its calls.
@Suite struct PGPipelineBoundsTests {
    /// The check the connection does, scripted: an error status throws, the rest are results.
    private func check(_ result: OpaquePointer, _ index: Int) throws -> PGResult {
        let owned = PGResult(pointer: result)
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK: return owned
        default: throw ScriptedFailure(status: String(cString: PQresStatus(PQresultStatus(result))))
        }
    }

    @Test func aPipelineReadsEachStatementsResultAndEndsAtItsSync() {
        let libpq = ScriptedResults([
            .result(PGRES_COMMAND_OK), .null, .result(PGRES_TUPLES_OK), .null, .result(PGRES_PIPELINE_SYNC),
        ])
        let read = PGConnection.readPipeline(statements: 2, next: libpq.next, connected: { true }, check: check)
        #expect(read.results.count == 2)
        #expect(read.failure == nil)
        #expect(!read.broken)
        #expect(libpq.calls == 5)
    }

    @Test func aFailedStatementSkipsTheRestAndTheSyncStillEndsTheRead() {
        // The server's answer to a failing first statement: its error, then the two skipped
        // statements' PIPELINE_ABORTED, then the sync.
        let libpq = ScriptedResults([
            .result(PGRES_FATAL_ERROR), .null, .result(PGRES_PIPELINE_ABORTED), .null, .result(PGRES_PIPELINE_ABORTED),
            .null, .result(PGRES_PIPELINE_SYNC),
        ])
        let read = PGConnection.readPipeline(statements: 3, next: libpq.next, connected: { true }, check: check)
        #expect(read.results.isEmpty)
        #expect(read.failure as? ScriptedFailure == ScriptedFailure(status: "PGRES_FATAL_ERROR"))
        #expect(!read.broken)
        #expect(libpq.calls == 7)
    }

    @Test func nullsForEverOnAConnectionThatLooksUpEndTheReadAsBroken() {
        // The hang: the first statement answered, then the server went away; libpq returns
        // NULL on every call and still calls the connection up. Before, this looped for ever.
        let libpq = ScriptedResults([.result(PGRES_COMMAND_OK), .null])
        let read = PGConnection.readPipeline(statements: 3, next: libpq.next, connected: { true }, check: check)
        #expect(read.broken)
        #expect(read.results.count == 1)
        #expect(libpq.calls == 3)  // the result, its NULL, and one more NULL: nothing else is coming
    }

    @Test func theConnectionsErrorThenNullsEndTheReadWithThatError() {
        // libpq's own error result for a connection lost mid-pipeline, then NULLs.
        let libpq = ScriptedResults([.result(PGRES_TUPLES_OK), .null, .result(PGRES_FATAL_ERROR)])
        let read = PGConnection.readPipeline(statements: 2, next: libpq.next, connected: { true }, check: check)
        #expect(read.broken)
        #expect(read.failure as? ScriptedFailure == ScriptedFailure(status: "PGRES_FATAL_ERROR"))
        #expect(libpq.calls == 5)
    }

    @Test func aNullOnAConnectionThatIsDownEndsTheReadAtOnce() {
        let libpq = ScriptedResults([.null])
        let read = PGConnection.readPipeline(statements: 2, next: libpq.next, connected: { false }, check: check)
        #expect(read.broken)
        #expect(libpq.calls == 1)
    }

    @Test func moreResultsThanStatementsWithoutASyncEndTheRead() {
        // A server killed after its FATAL message: the statement's error, the next one skipped,
        // and then libpq's own "server closed the connection" error where the sync was owed.
        let libpq = ScriptedResults([
            .result(PGRES_FATAL_ERROR), .null, .result(PGRES_PIPELINE_ABORTED), .null, .result(PGRES_FATAL_ERROR),
            .result(PGRES_FATAL_ERROR),
        ])
        let read = PGConnection.readPipeline(statements: 2, next: libpq.next, connected: { true }, check: check)
        #expect(read.broken)
        #expect(libpq.calls == 5)
    }

    @Test func aCopyStateInAPipelineEndsTheRead() {
        let libpq = ScriptedResults([.result(PGRES_COPY_IN), .result(PGRES_COPY_IN)])
        let read = PGConnection.readPipeline(statements: 1, next: libpq.next, connected: { true }, check: check)
        #expect(read.broken)
        #expect(libpq.calls == 1)
    }

    @Test func draining_aCopyWhoseEndCouldNotBeSentStopsAtOnce() {
        // libpq answers PGRES_COPY_IN on every call while the COPY's end was not sent.
        let libpq = ScriptedResults(Array(repeating: .result(PGRES_COPY_IN), count: 100))
        let drained = PGConnection.drainResults(next: libpq.next) { _ = try check($0, 0) }
        #expect(drained.broken)
        #expect(libpq.calls == 1)
    }

    @Test func draining_endsAtTheNullAndKeepsTheError() {
        let libpq = ScriptedResults([.result(PGRES_FATAL_ERROR), .null])
        let drained = PGConnection.drainResults(next: libpq.next) { _ = try check($0, 0) }
        #expect(!drained.broken)
        #expect(drained.failure as? ScriptedFailure == ScriptedFailure(status: "PGRES_FATAL_ERROR"))
        #expect(libpq.calls == 2)
    }

    @Test func draining_endlessResultsAreBounded() {
        let libpq = ScriptedResults(Array(repeating: .result(PGRES_COMMAND_OK), count: 100))
        let drained = PGConnection.drainResults(next: libpq.next) { _ = try check($0, 0) }
        #expect(drained.broken)
        #expect(libpq.calls == 16)
    }
}

/// The same on a real server: a backend terminated in the middle of a pipeline (by one of its
/// own statements, so the moment is exact) makes the pipeline fail with the server's
/// connection error, which the store reports as the server being unreachable, and the next
/// transaction opens a new connection.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PGPipelineKilledServerTests {
    @Test func aPipelineWhoseBackendIsKilledInItFailsAndTheConnectionRecovers() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let connection = try PGConnection(conninfo: conninfo)
        // Terminates its own backend and then checks for interrupts (`pg_sleep(0)` does, first
        // thing): the FATAL comes inside this statement, never later.
        try connection.execute(
            sql: """
                CREATE FUNCTION test_kill_self() RETURNS int LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(0); RETURN 1; END $$
                """)
        let killed = connection.backendPID
        let error = #expect(throws: PGError.self) {
            try connection.pipelined([
                ("SELECT 1", PGArguments()), ("SELECT test_kill_self()", PGArguments()), ("SELECT 2", PGArguments()),
            ])
        }
        // 57P01: "terminating connection due to administrator command", a connection failure.
        #expect(error?.sqlState == "57P01" || error?.sqlState == "08006")
        #expect(!connection.isConnected)
        try connection.reconnectIfLost()
        #expect(connection.backendPID != killed)
        let results = try connection.pipelined([("SELECT 41 + ?::int4", [1] as PGArguments)])
        #expect(results.first?.text(0, 0) == "42")
    }

    @Test func aStoreWhoseBackendIsKilledMidSaveSaysTheServerIsUnreachableAndSavesAfterwards() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(store)
        let admin = try PGConnection(conninfo: conninfo)
        // The save's own backend is terminated from inside its transaction (a trigger on the
        // diklat insert that terminates its own backend, as a server killed at that moment;
        // `pg_sleep(0)` checks for the interrupt at once, so the FATAL comes in the insert).
        try admin.execute(
            sql: """
                CREATE FUNCTION test_kill_self() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(0); RETURN NEW; END $$;
                CREATE TRIGGER test_kill_self BEFORE INSERT ON diklat FOR EACH ROW EXECUTE FUNCTION test_kill_self()
                """)
        let error = #expect(throws: StoreError.self) {
            try store.add(SmallProvince.teknis(SmallProvince.nipA, "Kursus mati", jp: 20))
        }
        if case .io = error {} else { Issue.record("expected StoreError.io, got \(String(describing: error))") }
        try admin.execute(sql: "DROP TRIGGER test_kill_self ON diklat; DROP FUNCTION test_kill_self()")
        #expect(try store.records(nip: SmallProvince.nipA)?.diklat.isEmpty == true)  // nothing half-written
        let saved = try store.add(SmallProvince.teknis(SmallProvince.nipA, "Kursus hidup", jp: 20))
        #expect(saved.score.kompetensi == 22.5)
    }
}
