import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The employee search finds a word anywhere in a name and the NIP's digits at either end,
    /// on PostgreSQL through its trigram indexes (migration `2026-12-01-pgnewest`), on SQLite by
    /// its covering index: the same employees, in name order.
    static let employeeSearch: [StoreBehaviour] = [
        StoreBehaviour("the employee search finds a substring in the middle of a name and a NIP by either end") { newStore in
            let store = try newStore(TestClock.context(actor: "ops"))
            try SmallProvince.seed(store)
            try store.savePegawai(Pegawai(nip: SmallProvince.stranger, nama: "Dewi Kartika Sari", kodeUnit: "SUB", jenisJabatan: .pelaksana))
            func names(_ query: String, limit: Int = 10) throws -> [String] { try store.searchPegawai(query, limit: limit).map(\.nama) }
            #expect(try names("itr") == ["Citra"])  // the middle of a name
            #expect(try names("artik") == ["Dewi Kartika Sari"])
            #expect(try names("SARI kart") == ["Dewi Kartika Sari"])  // every word, any order, any case
            #expect(try names("ndi") == ["Andi"])
            #expect(try names("di") == ["Andi", "Budi"])  // two letters (no trigram): still found, in name order
            #expect(try names("xyz").isEmpty)
            #expect(try names("2020121001") == ["Dewi Kartika Sari"])  // the NIP's end
            #expect(try names("19991231") == ["Dewi Kartika Sari"])  // its start
            #expect(try names("'1999 1231 2020") == ["Dewi Kartika Sari"])  // as pasted from a sheet
            #expect(try names("2015051") == [])  // the middle of Andi's NIP is neither end
            #expect(try names("001", limit: 2) == ["Andi", "Citra"])  // nipA, nipC and the stranger end in 001
        }
    ]
}
