import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// A date column that does not hold the stored `YYYY-MM-DD` form (written by hand with
/// `sqlite3`, or by an older tool) is read as its date, never as nil, by every reader.
@Suite struct RecordRowsDateTests {
    @Test func aDateNotInTheStoredFormIsReadAsItsDate() {
        #expect(RecordRows.isoDate("2024-12-31") == d("2024-12-31"))
        // The forms admins type and spreadsheets write: read, not nil.
        #expect(RecordRows.isoDate("31-12-2024") == d("2024-12-31"))
        #expect(RecordRows.isoDate("31/12/2024") == d("2024-12-31"))
        #expect(RecordRows.isoDate("2024/12/31") == d("2024-12-31"))
        #expect(RecordRows.isoDate("2024-1-5") == d("2024-01-05"))
        #expect(RecordRows.isoDate(" 2024-01-05 ") == d("2024-01-05"))
        // A String that is not contiguous UTF-8 (a substring's copy through a lazy view).
        let lazy = String(String("x31-12-2024".dropFirst()).utf16.map { Character(UnicodeScalar($0)!) })
        #expect(RecordRows.isoDate(lazy) == d("2024-12-31"))
        // Not a date: still nil.
        #expect(RecordRows.isoDate("2024-02-30") == nil)
        #expect(RecordRows.isoDate("") == nil)
        #expect(RecordRows.isoDate("kemarin") == nil)
        #expect(RecordRows.isoDate("2024-13-01") == nil)
    }

    @Test func theByteReaderFallsBackTheSameWay() {
        func bytes(_ text: String) -> LocalDate? {
            Array(text.utf8).withUnsafeBufferPointer { RecordRows.storedDate($0) }
        }
        #expect(bytes("2024-03-03") == d("2024-03-03"))
        #expect(bytes("03-03-2024") == d("2024-03-03"))
        #expect(bytes("2024/3/3") == d("2024-03-03"))
        #expect(bytes("2024-03-32") == nil)
    }

    /// The same records, once with stored dates and once with the dates rewritten by hand
    /// in other forms: the employee page's reader and the full recompute read the same dates
    /// and give the same scores (a pendidikan's graduation date read as nil would change the
    /// kualifikasi; a diklat's would make the row unreadable).
    @Test func recordsWithHandWrittenDatesReadAndScoreLikeStoredOnes() throws {
        func store(rewrite: Bool) throws -> SQLiteStore {
            let store = try seededStore()
            try store.add(SmallProvince.teknis(SmallProvince.nipA))
            try store.add(
                .pendidikan(
                    Pendidikan(nip: SmallProvince.nipA, tingkat: .s1, tanggalLulus: d("2010-06-30"), namaSekolah: "Unud")))
            if rewrite {
                try store.writer.write { db in
                    try db.execute(sql: "UPDATE diklat SET tanggal_mulai = '01-03-2024', tanggal_selesai = '3/3/2024'")
                    try db.execute(sql: "UPDATE pendidikan SET tanggal_lulus = '30/06/2010'")
                }
            }
            try store.recomputeAll(year: 2024)
            return store
        }
        let stored = try store(rewrite: false)
        let written = try store(rewrite: true)
        let raw = try written.writer.read { db in try String.fetchOne(db, sql: "SELECT tanggal_selesai FROM diklat") }
        #expect(raw == "3/3/2024", "the rewrite happened")
        let records = try #require(try written.records(nip: SmallProvince.nipA))
        #expect(records.diklat.map(\.value.tanggalSelesai) == [d("2024-03-03")])
        #expect(records.diklat.map(\.value.tanggalMulai) == [d("2024-03-01")])
        #expect(records.pendidikan.map(\.value.tanggalLulus) == [d("2010-06-30")])
        #expect(try stored.records(nip: SmallProvince.nipA)?.pendidikan.map(\.value) == records.pendidikan.map(\.value))
        let score = try #require(try written.score(nip: SmallProvince.nipA, year: 2024))
        #expect(score == (try stored.score(nip: SmallProvince.nipA, year: 2024)))
        #expect(score.kompetensi == 22.5, "20 JP teknis of a pelaksana, as SmallProvince says")
    }
}
