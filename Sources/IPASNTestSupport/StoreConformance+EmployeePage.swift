import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// An employee's page in one read (``EmployeePageStore``).
    static let employeePage: [StoreBehaviour] = [
        StoreBehaviour("an employee's page is the records, verification and SIASN marks and changes the four reads give") { make in
            let store = try seeded(make)
            #expect(try store.employeePage(nip: SmallProvince.stranger) == nil)
            // Nothing yet: Budi's records empty, no marks, his one change (his insert by the seed).
            let empty = try #require(try store.employeePage(nip: nipB))
            #expect(empty.records.pegawai.nama == "Budi")
            #expect(empty.records.allIDs.isEmpty)
            #expect(empty.verifications.isEmpty && empty.sent.isEmpty)
            #expect(empty.history.map(\.new.kodeUnit) == ["SUB"])
            // Two courses and an SKP; one course sent to SIASN, the SKP rejected, Budi moved to ROOT.
            let first = try store.add(teknis(nipB, "Pertama")).id
            let second = try store.add(teknis(nipB, "Kedua")).id
            let skp = try store.add(.skp(SKP(nip: nipB, tahun: 2023, nilai: 91))).id
            try store.add(teknis(nipC, "Orang lain"))
            try store.saveExportBatch(siasnBatch(try pendingDiklat(store).filter { $0.id == first }))
            #expect(try store.setVerification([skp], status: .tidak, reason: "Tanpa tanda tangan") == 1)
            var budi = try #require(try store.pegawai(nip: nipB))
            budi.kodeUnit = "ROOT"
            try store.savePegawai(budi)
            let page = try #require(try store.employeePage(nip: nipB))
            #expect(page.records == (try store.records(nip: nipB)))
            #expect(page.records.allIDs == [first, second, skp])  // by kind, then id
            #expect(page.verifications == (try store.verifications(nip: nipB)))
            #expect(page.verifications[skp]?.status == .tidak)
            #expect(page.verifications[skp]?.reason == "Tanpa tanda tangan")
            #expect(page.sent == (try store.sentInfo(page.records.allIDs)))
            #expect(Set(page.sent.keys) == [first])
            #expect(page.sent[first]?.current == true)
            #expect(page.history == (try store.pegawaiHistory(nip: nipB)))
            #expect(page.history.map(\.new.kodeUnit) == ["SUB", "ROOT"])
            // The sent course corrected: its mark says it changed since.
            try store.update(first, to: teknis(nipB, "Pertama", jp: 24))
            let after = try #require(try store.employeePage(nip: nipB))
            #expect(after.sent[first]?.current == false)
            #expect(after.sent == (try store.sentInfo(after.records.allIDs)))
        }
    ]
}
