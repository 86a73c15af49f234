import Foundation
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// SQLite's two ways of reading a unit's history (a small unit through `audit_nip`, a unit
/// with more than a tenth of the employees walking the log by id) give the same pages.
@Suite struct TeamHistoryTests {
    @Test func smallAndLargeUnitsPageAlike() throws {
        let store = try SQLiteStore.inMemory(context: TestClock.context())
        try store.setMeasurementYear(2024)
        try store.saveUnit(OrgUnit(kode: "BIG", nama: "Besar"))
        try store.saveUnit(OrgUnit(kode: "SMALL", nama: "Kecil", induk: "BIG"))
        // 30 employees in BIG, 2 in SMALL (below BIG): SMALL holds 2 of 32, BIG all.
        var nips: [String] = []
        for i in 0..<32 {
            let nip = String(format: "1980010120050110%02d", i)
            nips.append(nip)
            try store.savePegawai(Pegawai(nip: nip, nama: "Pegawai \(i)", kodeUnit: i < 2 ? "SMALL" : "BIG", jenisJabatan: .pelaksana))
        }
        for round in 0..<3 {
            for nip in nips { try store.add(SmallProvince.teknis(nip, "Kursus \(round)")) }
        }
        try store.setProgress(unit: "SMALL", dimension: .kinerja, done: true)
        let log = try store.auditLog(limit: 10_000)
        let small = log.filter { entry in
            if let nip = entry.nip { return nips.prefix(2).contains(nip) }
            if case .unit("SMALL") = entry.subject { return true }
            if case .progress(unit: "SMALL", _) = entry.subject { return true }
            return false
        }
        #expect(small.count == 2 + 6 + 1 + 1)  // saves, courses, the unit's save, the mark
        for subject in [HistorySubject.unit("SMALL"), .unit("BIG")] {
            let expected = subject == .unit("SMALL") ? small : log.filter { if case .setting = $0.subject { return false }; return true }
            var pages: [AuditEntry] = []
            var before: Int64?
            repeat {
                let page = try store.history(subject, before: before, limit: 7)
                pages += page
                before = page.count == 7 ? page.last?.id : nil
            } while before != nil
            #expect(pages == expected, "\(subject)")
        }
    }
}
