import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// ``ImportSnapshot``: a large import's score refresh reads what the import did not write
/// from the committed state attached as a second schema. The same files give the same
/// database as the plain path (every trigger row by row, every table read through the
/// import's connection), and the attached schema is the committed state, gone after the
/// transaction.
@Suite struct ImportSnapshotTests {
    static let context = TestClock.context(actor: "ani", session: "s1")

    /// An SKP file for the 650 employees of ``BulkImportTests/extra`` (one of them has a
    /// stored 2024 SKP: a duplicate), so that diklat is read from the snapshot and SKP
    /// through the import's connection.
    static var skpFile: [Line<ImportRow>] {
        BulkImportTests.extra.enumerated().map { i, p in
            let predikat: Predikat = i % 5 == 0 ? .sangatBaik : .baik
            return Line(i + 2, .record(.skp(SKP(nip: p.nip, tahun: 2024, predikat: predikat))))
        }
    }

    @Test func aFileDatabaseRefreshedFromTheSnapshotEqualsThePlainPath() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // Both in files (the snapshot needs one); the plain one never attaches it.
        let plain = try BulkImportTests.store(Self.context, path: dir.path("plain.sqlite"))
        let bulk = try BulkImportTests.store(Self.context, path: dir.path("bulk.sqlite"))
        #expect(try BulkImportTests.dump(plain) == (try BulkImportTests.dump(bulk)), "the two databases start the same")
        let files: [(ImportKind, [Line<ImportRow>])] = [
            (.diklat, BulkImportTests.firstFile), (.diklat, BulkImportTests.secondFile), (.skp, Self.skpFile),
        ]
        for (kind, file) in files {
            var plainRows = ArrayRowSource(kind: kind, rows: file)
            var bulkRows = ArrayRowSource(kind: kind, rows: file)
            let plainOutcome = try plain.importRows(&plainRows, skipInvalid: true, dryRun: false, bulk: false)
            let bulkOutcome = try bulk.importRows(&bulkRows, skipInvalid: true, dryRun: false, bulk: true, indexRows: 100)
            #expect(plainOutcome == bulkOutcome)
            #expect(try Self.schemas(bulk) == ["main"], "detached after the import")
        }
        let plainTables = try BulkImportTests.dump(plain)
        let bulkTables = try BulkImportTests.dump(bulk)
        #expect(plainTables.keys.sorted() == bulkTables.keys.sorted())
        for table in plainTables.keys.sorted() {
            #expect(plainTables[table] == bulkTables[table], "table \(table)")
        }
        // The refresh scored every imported course and SKP, checked by hand on one employee:
        // extra[4] has four courses (i = 4: "Bimtek Anggaran 4", the seminar and, i % 4 == 0,
        // the fungsional course from the first file; "Pelatihan Teknis Lanjutan" from the
        // second) and its 2024 SKP "baik" (i % 5 != 0).
        let nip = BulkImportTests.extra[4].nip
        let rows = try bulk.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM diklat WHERE nip = ?", arguments: [nip]),
                try String.fetchOne(db, sql: "SELECT predikat FROM skp WHERE nip = ?", arguments: [nip])
            )
        }
        #expect(rows.0 == 4)
        #expect(rows.1 == Predikat.baik.rawValue)
        #expect(try bulk.check() == [])
    }

    @Test func theSnapshotIsTheCommittedStateAndGoesWithTheTransaction() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("snapshot.sqlite"), context: Self.context)
        try SmallProvince.seed(store)
        _ = try store.add(teknis(nipA))
        try store.transaction { db in
            #expect(try ImportSnapshot.attach(db) == ImportSnapshot.schema)
            #expect(try ImportSnapshot.attach(db) == ImportSnapshot.schema, "once per transaction")
            try db.execute(sql: "UPDATE pegawai SET nama = 'Citra Dewi' WHERE nip = ?", arguments: [nipC])
            try db.execute(sql: "UPDATE diklat SET jp = 40")
            // The import's connection sees its own writes; the snapshot, the committed rows.
            func name(_ schema: String) throws -> String? {
                try String.fetchOne(db, sql: "SELECT nama FROM \(schema).pegawai WHERE nip = ?", arguments: [nipC])
            }
            #expect(try name("main") == "Citra Dewi")
            #expect(try name(ImportSnapshot.schema) == "Citra")
            #expect(try Int.fetchOne(db, sql: "SELECT jp FROM main.diklat") == 40)
            #expect(try Int.fetchOne(db, sql: "SELECT jp FROM import_snapshot.diklat") == 20)
            let unchanged = UnchangedTables(schema: ImportSnapshot.schema, written: .diklat)
            #expect(unchanged.table(.diklat) == "main.diklat")
            #expect(unchanged.table(.skp) == "import_snapshot.skp")
            #expect(unchanged.table(nil) == "import_snapshot.pegawai")
        }
        #expect(try Self.schemas(store) == ["main"])
        #expect(try store.pegawai(nip: nipC)?.nama == "Citra Dewi", "committed through main")
        // An in-memory database has none: everything is read through `main`.
        let memory = try seededStore()
        let schema = try memory.transaction { db in try ImportSnapshot.attach(db) }
        #expect(schema == "main")
    }

    /// An import inside an enclosing transaction (the demo, a folder import) must read what
    /// that transaction already wrote: the SKP imported first in the same transaction is not
    /// in the committed snapshot, so the diklat import's bulk refresh reads through `main`.
    /// With the snapshot it scored every extra employee without their SKP (the demo at 3,000
    /// failed `ipasn check` in e2e upgrade-crowd: kinerja 0 for 2,983 employees).
    @Test func anImportInsideAnEnclosingTransactionSeesWhatItWrote() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let plain = try BulkImportTests.store(Self.context, path: dir.path("plain.sqlite"))
        let nested = try BulkImportTests.store(Self.context, path: dir.path("nested.sqlite"))
        for store in [plain, nested] {
            let bulk = store === nested
            try store.inOneTransaction {
                var skp = ArrayRowSource(kind: .skp, rows: Self.skpFile)
                _ = try store.importRows(&skp, skipInvalid: true, dryRun: false, bulk: bulk, indexRows: 100)
                var diklat = ArrayRowSource(kind: .diklat, rows: BulkImportTests.firstFile)
                _ = try store.importRows(&diklat, skipInvalid: true, dryRun: false, bulk: bulk, indexRows: 100)
            }
        }
        let plainTables = try BulkImportTests.dump(plain)
        let nestedTables = try BulkImportTests.dump(nested)
        for table in plainTables.keys.sorted() {
            #expect(plainTables[table] == nestedTables[table], "table \(table)")
        }
        // extra[4]'s 2024 SKP is "baik" (i % 5 != 0): its cached kinerja is not zero.
        let kinerja = try nested.writer.read { db in
            try Double.fetchOne(db, sql: "SELECT MAX(kinerja) FROM employee_score WHERE nip = ?", arguments: [BulkImportTests.extra[4].nip])
        }
        #expect((kinerja ?? 0) > 0)
        #expect(try nested.check() == [])
    }

    /// The schemas attached to the store's writing connection (its temporary one left out).
    static func schemas(_ store: SQLiteStore) throws -> [String] {
        // The import's (the writer's) connection.
        try store.writer.writeWithoutTransaction { db in
            try Row.fetchAll(db, sql: "PRAGMA database_list").map { $0["name"] as String }.filter { $0 != "temp" }
        }
    }
}
