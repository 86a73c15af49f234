import Foundation
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// Issue 10's proof under load, scaled to the test machine: N admins, each in a store (its own
/// connections, as its own process would have) on one database file, typing records into their
/// own unit at the same time, each also trying to write into a neighbour's unit, while a
/// pimpinan reads the dashboard figures in a loop.
@Suite struct TeamScenarioTests {
    static let admins = 20
    static let savesEach = 30

    static func nip(unit: Int, person: Int) -> String {
        "19800101" + "200501" + "1" + String(format: "%03d", unit * 10 + person)
    }

    static func unit(_ u: Int) -> String { String(format: "U%02d", u) }

    @Test func adminsSaveIntoTheirOwnUnitsAtOnceWhileAHeadReads() throws {
        let dir = try TemporaryDirectory(prefix: "ipasn-team")
        defer { dir.remove() }
        let path = dir.path("kota.sqlite")
        let op = try SQLiteStore(path: path, context: TestClock.context(actor: "operator-bkpsdm"))
        try op.setMeasurementYear(2024)
        try op.saveUnit(OrgUnit(kode: "KOTA", nama: "Pemerintah Kota"))
        for u in 1...Self.admins {
            try op.saveUnit(OrgUnit(kode: Self.unit(u), nama: "Dinas \(u)", induk: "KOTA"))
            for p in 1...3 {
                try op.savePegawai(
                    Pegawai(nip: Self.nip(unit: u, person: p), nama: "Pegawai \(u)-\(p)", kodeUnit: Self.unit(u), jenisJabatan: .pelaksana))
            }
            try op.saveAccount(Account(login: "admin-\(u)", role: .admin, units: [Self.unit(u)]))
        }
        try op.saveAccount(Account(login: "kepala", role: .pimpinan))

        let failures = Failures()
        let refusals = Failures()
        let done = Flag()
        let reads = Counter()
        let readerDone = DispatchGroup()
        let writersDone = DispatchGroup()
        let reader = Thread {
            defer { readerDone.leave() }
            do {
                let head = try SQLiteStore(path: path, context: TestClock.context(actor: "kepala"), access: .read)
                repeat {
                    let figures = try head.unitFigures(year: 2024)
                    if figures.count != Self.admins + 1 { failures.add("reader saw \(figures.count) units") }
                    reads.increment()
                } while !done.isSet
            } catch {
                failures.add("reader: \(error)")
            }
        }
        readerDone.enter()
        reader.start()
        var writers: [Thread] = []
        for u in 1...Self.admins {
            let thread = Thread {
                defer { writersDone.leave() }
                do {
                    let admin = try SQLiteStore(path: path, context: TestClock.context(actor: "admin-\(u)"), access: .write)
                    let neighbour = u % Self.admins + 1
                    for i in 0..<Self.savesEach {
                        try admin.add(teknis(Self.nip(unit: u, person: i % 3 + 1), "Kursus \(u)-\(i)", jp: 2))
                        if i % 10 == 0 {
                            do {
                                try admin.add(teknis(Self.nip(unit: neighbour, person: 1), "Nyasar \(u)-\(i)", jp: 2))
                                failures.add("admin-\(u) wrote into \(Self.unit(neighbour))")
                            } catch StoreError.notPermitted(.notYourUnit(let kode)) where kode == Self.unit(neighbour) {
                                refusals.add("admin-\(u)")
                            }
                        }
                    }
                } catch {
                    failures.add("admin-\(u): \(error)")
                }
            }
            writersDone.enter()
            writers.append(thread)
        }
        writers.forEach { $0.start() }
        // The writers finish; then the reader stops.
        writersDone.wait()
        done.set()
        readerDone.wait()

        #expect(failures.list == [])
        #expect(refusals.list.count == Self.admins * 3)
        #expect(reads.value > 0)
        // Every save present, none of the refused ones, scores and integrity clean.
        for u in 1...Self.admins {
            let names = try (1...3).flatMap { p in try op.records(nip: Self.nip(unit: u, person: p))?.diklat.map(\.value.nama) ?? [] }
            #expect(Set(names) == Set((0..<Self.savesEach).map { "Kursus \(u)-\($0)" }), "unit \(u)")
        }
        let inserts = try op.auditLog(limit: 10_000).filter { $0.action == .insert && $0.record != nil }
        #expect(inserts.count == Self.admins * Self.savesEach)
        #expect(Set(inserts.map(\.actor)) == Set((1...Self.admins).map { "admin-\($0)" }))
        #expect(try op.check() == [])
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
