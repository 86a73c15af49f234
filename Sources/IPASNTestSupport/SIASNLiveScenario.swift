import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Open screens follow SIASN's marks (branch usertest12): Ani (a unit admin) has Budi's page
/// open, and a course form of Andi's half typed; the verifikator's batch (`ipasn export siasn`)
/// and then SIASN's answer refusing Budi's course (`ipasn import siasn-hasil`) are written by
/// another session. On the next tick (no key) Budi's page shows the sent mark, then the
/// refusal, saying who; the open form keeps what Ani typed. One body for both engines:
/// `open(login)` gives a workstation on the shared database and its tick (the wait the event
/// loop does, then one tick), `store(login)` a store on it.
public enum SIASNLiveScenario {
    public struct Station {
        public var screen: ScreenDriver
        /// What the event loop does with no key pressed: wait for the feed (at most its poll
        /// interval or the descriptor), then tick.
        public var tick: () -> Void

        public init(screen: ScreenDriver, tick: @escaping () -> Void) {
            self.screen = screen
            self.tick = tick
        }
    }

    /// Waits (up to 10 s, a bound, not a timing) until `store`'s descriptor is readable; a store
    /// without one is polled at once.
    public static func waitForNews(_ store: any Store) {
        guard let descriptor = store.changeDescriptor() else { return }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&entry, 1, 10_000)
    }

    /// A SIASN batch of every pending course, by `store`'s login (what `ipasn export
    /// siasn-kursus --pending` records).
    @discardableResult
    public static func sendCourses(_ store: any Store) throws -> ExportBatch {
        let versions = try store.recordVersions(kind: .diklat, unit: nil, pendingOnly: true)
        return try store.saveExportBatch(
            NewExportBatch(
                kind: "siasn-kursus", format: "csv", file: "/tmp/kursus.csv", pendingOnly: true, marksSent: true,
                records: versions.map { RecordVersion(id: RecordID(kind: .diklat, id: $0.key), version: $0.value) }))
    }

    public static func run(
        open: (String) throws -> Station, store: @escaping (String) throws -> any Store,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let ops = try store("ops")
        try SmallProvince.seed(ops)
        try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Bimtek Arsip"))
        try ops.saveAccount(Account(login: "ani", role: .admin, units: ["ROOT"]))
        try ops.saveAccount(Account(login: "vera", role: .verifikator))
        let ani = try open("ani")
        ani.screen.type("/Budi\n")
        let line = { ani.screen.text().split(separator: "\n").first { $0.contains("Bimtek Arsip") }.map(String.init) ?? "" }
        #expect(line().hasSuffix("-"), "not sent yet: \(ani.screen.text())", sourceLocation: sourceLocation)

        // The verifikator's batch, from the command line (another session).
        let vera = try store("vera")
        let batch = try sendCourses(vera)
        ani.tick()
        #expect(line().hasSuffix("✓#\(batch.number)"), "the sent mark, no key pressed: \(ani.screen.text())", sourceLocation: sourceLocation)
        #expect(
            ani.screen.flat.contains("Batch SIASN #\(batch.number) dikirim oleh vera: tanda terkirim diperbarui."),
            "\(ani.screen.text())", sourceLocation: sourceLocation)

        // SIASN refuses the course (`ipasn import siasn-hasil`), while Ani types a form.
        ani.screen.type("k")  // a new course for Budi: Jenis (teknis), Tab, Nama
        ani.screen.type("tek\tKursus yang sedang diketik")
        let course = try #require(vera.records(nip: SmallProvince.nipB)?.diklat.first, sourceLocation: sourceLocation)
        try vera.markSIASNRefusals(
            batch: batch.number, [NewSIASNRefusal(id: RecordID(kind: .diklat, id: course.id), reason: "Sertifikat buram", line: 2)])
        ani.tick()
        #expect(ani.screen.flat.contains("Kursus yang sedang diketik"), "the form keeps the input: \(ani.screen.text())", sourceLocation: sourceLocation)
        #expect(ani.screen.flat.contains("Data diubah oleh vera"), "\(ani.screen.text())", sourceLocation: sourceLocation)
        ani.screen.press(.escape)  // leaves the form: "Tinggalkan formulir dan buang isian?"
        #expect(ani.screen.flat.contains("Tinggalkan formulir dan buang"), "\(ani.screen.text())", sourceLocation: sourceLocation)
        ani.screen.type("y")
        #expect(line().hasSuffix("S#\(batch.number)"), "the refusal on the page: \(ani.screen.text())", sourceLocation: sourceLocation)
    }
}
