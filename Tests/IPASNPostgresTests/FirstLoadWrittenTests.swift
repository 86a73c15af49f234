import IPASNCore
import Testing

@testable import IPASNPostgres

/// ``FirstLoadWritten``'s fingerprints kept per employee (issue 12, branch pgcopy5): a row is
/// looked up among its own employee's written rows only, those of its earlier runs taken from
/// the logs when a run of the employee starts again. No server needed.
@Suite struct FirstLoadWrittenTests {
    static let ani = "198001012005011001", budi = "198102022006021002", citra = "198203032007032003"

    static func row(_ line: Int, _ nip: String, _ nama: String, day: Int) -> FirstLoadWritten.Row {
        let date = LocalDate(year: 2024, month: 3, day: day)!
        let record = Record.diklat(
            Diklat(nip: nip, jenis: JenisDiklat.withID(2)!, nama: nama, tanggalMulai: date, tanggalSelesai: date, jp: 8))
        return FirstLoadWritten.Row(line: line, record: record, key: DuplicateKey.hash(record))
    }

    @Test func aRowIsLookedUpAmongItsEmployeesWrittenRowsOnly() {
        var written = FirstLoadWritten(first: 100, checkSimilar: true)
        let conflicts = ImportConflicts(kind: .diklat, allowsSimilar: false)
        func employee(_ nip: String) -> Int { ImportRepeats.employee(nip) }

        written.startRun(Self.ani)
        let first = Self.row(2, Self.ani, "Kursus Arsip", day: 10)
        #expect(!written.mayConflict(first, employee: employee(Self.ani)))
        #expect(written.add(first, employee: employee(Self.ani)) == 100)
        // The same course again in the run: named, and refused as the file's own repeat of line 2.
        let again = Self.row(3, Self.ani, "Kursus  ARSIP", day: 10)
        #expect(written.mayConflict(again, employee: employee(Self.ani)))
        #expect(written.runComplete)
        #expect(written.refusal(of: again, conflicts)?.code == .duplicateInFile(line: 2))

        // Another employee's same course: not named.
        written.startRun(Self.budi)
        let budis = Self.row(4, Self.budi, "Kursus Arsip", day: 10)
        #expect(!written.mayConflict(budis, employee: employee(Self.budi)))
        #expect(written.add(budis, employee: employee(Self.budi)) == 101)

        // Ani met again: her earlier run's row is known from the logs, not read back yet.
        written.startRun(Self.ani)
        #expect(!written.runComplete)
        let other = Self.row(5, Self.ani, "Kursus Baru", day: 20)
        #expect(!written.mayConflict(other, employee: employee(Self.ani)))
        #expect(written.add(other, employee: employee(Self.ani)) == 102)
        #expect(written.mayConflict(Self.row(6, Self.ani, "kursus arsip", day: 10), employee: employee(Self.ani)))
        // A similar course (same jenis and dates, another name) of her earlier run is named too.
        #expect(written.mayConflict(Self.row(7, Self.ani, "Kursus Arsip Lanjut", day: 10), employee: employee(Self.ani)))

        // An employee met before whose run wrote nothing: nothing to read back.
        written.startRun(Self.citra)
        written.startRun(Self.budi)
        #expect(!written.runComplete)
        written.startRun(Self.citra)
        #expect(written.runComplete)
        #expect(!written.mayConflict(Self.row(8, Self.citra, "Kursus Arsip", day: 10), employee: employee(Self.citra)))
        #expect(written.count == 3)
    }
}
