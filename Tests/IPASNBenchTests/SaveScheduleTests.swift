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
        // Since branch pgsave12 also the backend's I/O and faults (four more counters).
        #expect(SaveSchedule.sample(backend: 0).count == 8)
        #expect(Array(SaveSchedule.sample(backend: 0).suffix(6)) == [0, 0, 0, 0, 0, 0])
    }

    /// The saves with the most backend CPU, with what the backend did meanwhile: a save that
    /// rebuilt its plans (CPU, no I/O) is told from one that made a WAL segment (16 MB written).
    @Test func theSavesWithTheMostServerCPUShowTheBackendsIOAndFaults() {
        // Server CPU 3, 9 (and 16 MB written), 2.5, 7 (no I/O, 900 faults) ms: the median (of
        // four, the third smallest) is 3 ms.
        let schedule = SaveSchedule(
            spans: [0.005, 0.020, 0.004, 0.009],
            probes: [
                [1_000_000, 0, 3_000_000, 0, 8_192, 4_096, 12, 0],
                [1_000_000, 0, 9_000_000, 0, 0, 16_777_216 + 4_096, 40, 0],
                [1_000_000, 0, 2_500_000, 0, 8_192, 4_096, 10, 0],
                [1_000_000, 0, 7_000_000, 0, 0, 4_096, 900, 1],
            ])
        #expect(schedule.saves[1].serverWrittenBytes == 16_781_312)
        #expect(
            schedule.mostServerCPU(2)
                == "#2 9.00 ms (backend read 0 KB, wrote 16388 KB, 40 page faults (0 major)); "
                + "#4 7.00 ms (backend read 0 KB, wrote 4 KB, 900 page faults (1 major)); "
                + "the median 3.00 ms (backend read 8 KB, wrote 4 KB, 12 page faults (0 major))")
    }

    /// `/proc/<pid>/io` and `/proc/<pid>/stat` of this process: what it writes and the memory
    /// it touches for the first time are counted.
    @Test func aProcesssIOAndFaultsAreRead() throws {
        let me = ProcessInfo.processInfo.processIdentifier
        let before = SaveSchedule.activity(backend: me)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("activity-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data(count: 1 << 20).write(to: URL(fileURLWithPath: file))
        // 8 MB of fresh anonymous pages (mmap, not the allocator, which may hand back memory
        // touched before) touched once: at least one fault.
        let size = 8 << 20
        let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        let memory = try #require(mapped == MAP_FAILED ? nil : mapped)
        defer { munmap(memory, size) }
        for page in stride(from: 0, to: size, by: 4096) { memory.storeBytes(of: UInt8(1), toByteOffset: page, as: UInt8.self) }
        let after = SaveSchedule.activity(backend: me)
        #expect(after.count == 4)
        #expect(after[1] - before[1] >= 1 << 20)  // wchar: the 1 MB written
        #expect(after[2] > before[2])  // minor faults
        #expect(SaveSchedule.activity(backend: 0) == [0, 0, 0, 0])
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
