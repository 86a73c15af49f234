import Foundation
import Testing

@testable import IPASNBench

/// PG3's per-save schedule (issue 12, branch pg3tail) and what its note says about the p99.
@Suite struct SaveScheduleTests {
    /// A save's span split by the probes' differences: the workstation thread's and the
    /// backend's nanoseconds on a core and in a run queue; the rest is off-CPU.
    @Test func aSpanIsSplitIntoTheTwoProcessesStatesAndTheRest() {
        // 10 ms span: client 1.5 ms on a core + 0.5 queued, server 2 + 1: 5 ms off-CPU.
        let schedule = SaveSchedule(
            spans: [0.010, 0.004], probes: [[1_500_000, 500_000, 2_000_000, 1_000_000], [1_000_000, 0, 1_000_000, 0]])
        #expect(schedule.saves.count == 2)
        #expect(abs(schedule.saves[0].off - 0.005) < 1e-12)
        #expect(abs(schedule.saves[1].off - 0.002) < 1e-12)
        #expect(schedule.slowest(1) == "#1 10.00 = 1.50 + 0.50 + 2.00 + 1.00 + 5.00")
        // The slowest first, each with its place in the run.
        #expect(schedule.slowest(2) == "#1 10.00 = 1.50 + 0.50 + 2.00 + 1.00 + 5.00; #2 4.00 = 1.00 + 0.00 + 1.00 + 0.00 + 2.00")
        // Two processes runnable at once (a busy machine) can add up to more than the span:
        // never a negative rest.
        let busy = SaveSchedule(spans: [0.001], probes: [[600_000, 400_000, 500_000, 0]])
        #expect(busy.saves[0].off == 0)
    }

    /// The run's first save beside the others: its parts, and the server CPU's p50 of the rest.
    @Test func theFirstSaveIsShownBesideTheOthers() {
        // #1: 12 ms, 9 ms of it server CPU; the rest 2, 3 and 4 ms server CPU (p50 3).
        let schedule = SaveSchedule(
            spans: [0.012, 0.005, 0.006, 0.007],
            probes: [
                [2_000_000, 0, 9_000_000, 0], [1_000_000, 0, 2_000_000, 0], [1_000_000, 0, 3_000_000, 0],
                [1_000_000, 0, 4_000_000, 0],
            ])
        #expect(schedule.firstSave() == "  the first save: 12.00 = 2.00 + 0.00 + 9.00 + 0.00 + 1.00; server CPU 9.00 against the others' p50 3.00")
        #expect(SaveSchedule(spans: [0.004], probes: [[1_000_000, 0, 2_000_000, 0]]).firstSave()
            == "  the first save: 4.00 = 1.00 + 0.00 + 2.00 + 0.00 + 1.00; server CPU 2.00")
        #expect(SaveSchedule(spans: [], probes: []).firstSave() == "  the first save: none")
    }

    /// The kernel's `schedstat` line: nanoseconds on a core, nanoseconds waiting, timeslices.
    @Test func schedstatFilesAreRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schedstat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("schedstat").path
        try "165605345 2420620457 530\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(SaveSchedule.read(file) == [165_605_345, 2_420_620_457])
        #expect(SaveSchedule.read(directory.appendingPathComponent("none").path) == [0, 0])
        // This thread's own counters exist on Linux; a backend that is not there reads as zeros.
        #expect(SaveSchedule.sample(backend: 0).count == 4)
        #expect(Array(SaveSchedule.sample(backend: 0).suffix(2)) == [0, 0])
    }

    /// The p99 of N saves as the bench computes it is the Nth-from-slowest named in PG3's note.
    @Test func theP99OfASmallRunIsNamedByItsRank() {
        #expect(PostgresBench.rankOfP99(150) == "2nd")  // 148.5 → the 149th of 150
        #expect(PostgresBench.rankOfP99(100) == "2nd")  // the 99th of 100
        #expect(PostgresBench.rankOfP99(50) == "1st")  // 49.5 → the 50th: the slowest
        #expect(PostgresBench.rankOfP99(1_000) == "11th")  // the 990th of 1,000
    }

    /// PG1b's psql script: staging by `\copy`, one INSERT ... SELECT into the real table in the
    /// same transaction, the import's own switch for the per-row trigger, quotes doubled.
    @Test func theSameSchemaLoadScript() {
        let script = PostgresSchemaLoad.script("/tmp/o'clock/diklat.csv")
        #expect(script.hasPrefix("BEGIN;\n"))
        #expect(script.contains("\\copy staging FROM '/tmp/o''clock/diklat.csv' WITH (FORMAT csv, HEADER true)"))
        #expect(script.contains("SELECT set_config('ipasn.bulk_import', 'on', true);"))
        #expect(script.contains("INSERT INTO diklat(nip, jenis, tingkat, nama, penyelenggara, tanggal_mulai"))
        #expect(script.hasSuffix("COMMIT;\n"))
    }
}
