import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// `scores(year:unit:)` for a unit (the dashboard's category distribution and the employee
/// list) reads the unit's employees through `pegawai_unit` (the query forces the join order);
/// these tests pin that it gives exactly the rows and order of the whole list restricted to
/// the unit's subtree.
@Suite struct UnitScoresQueryTests {
    /// PROV > (DINAS > (BID1 > SEKSI, BID2), BADAN); employees with names out of NIP order,
    /// two sharing a name, one inactive, some with a course (so the scores differ).
    static func store() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(context: TestClock.context())
        try store.setMeasurementYear(TestClock.measurementYear)
        for (kode, induk) in [("PROV", nil), ("DINAS", "PROV"), ("BID1", "DINAS"), ("SEKSI", "BID1"), ("BID2", "DINAS"), ("BADAN", "PROV")] {
            try store.saveUnit(OrgUnit(kode: kode, nama: "Unit \(kode)", induk: induk))
        }
        let people: [(String, String, Bool)] = [
            ("PROV", "Zainal", true), ("DINAS", "Budi", true), ("DINAS", "Ani", true), ("BID1", "Citra", true),
            ("BID1", "Citra", true), ("SEKSI", "Dewi", true), ("SEKSI", "Eko", false), ("BID2", "Fajar", true),
            ("BADAN", "Gita", true), ("BADAN", "Adi", true),
        ]
        for (index, person) in people.enumerated() {
            let nip = String(format: "198001%02d2010011%03d", 28 - index, index + 1)
            try store.savePegawai(Pegawai(nip: nip, nama: person.1, kodeUnit: person.0, jenisJabatan: .pelaksana, aktif: person.2))
            if index % 3 == 0 { _ = try store.add(SmallProvince.teknis(nip)) }
        }
        return store
    }

    static let subtrees: [String: Set<String>] = [
        "PROV": ["PROV", "DINAS", "BID1", "SEKSI", "BID2", "BADAN"], "DINAS": ["DINAS", "BID1", "SEKSI", "BID2"],
        "BID1": ["BID1", "SEKSI"], "SEKSI": ["SEKSI"], "BID2": ["BID2"], "BADAN": ["BADAN"],
    ]

    @Test func aUnitsScoresAreTheWholeListRestrictedToItsSubtree() throws {
        let store = try Self.store()
        let year = TestClock.measurementYear
        let all = try store.scores(year: year, unit: nil)
        #expect(all.count == 9)  // Eko is inactive
        for (unit, subtree) in Self.subtrees {
            let expected = all.filter { subtree.contains($0.pegawai.kodeUnit) }
            let got = try store.scores(year: year, unit: unit)
            #expect(got.map(\.pegawai) == expected.map(\.pegawai), "\(unit)")
            #expect(got.map(\.score) == expected.map(\.score), "\(unit)")
        }
    }

    @Test func orderedByUnitThenNameThenNIP() throws {
        let store = try Self.store()
        let rows = try store.scores(year: TestClock.measurementYear, unit: "DINAS")
        // Hand-checked: BID1 (Citra #5 before Citra #4: NIP 198001240… < 198001250…), BID2,
        // DINAS (Ani, Budi), SEKSI (Dewi; Eko is inactive).
        #expect(rows.map(\.pegawai.nama) == ["Citra", "Citra", "Fajar", "Ani", "Budi", "Dewi"])
        #expect(rows.map(\.pegawai.nip).prefix(2) == ["198001242010011005", "198001252010011004"])
        // Citra #4 took a course (every third employee did), Citra #5 did not.
        #expect(rows[1].score.kompetensi > rows[0].score.kompetensi)
        #expect(try store.scores(year: TestClock.measurementYear, unit: "NOWHERE").isEmpty)
    }
}
