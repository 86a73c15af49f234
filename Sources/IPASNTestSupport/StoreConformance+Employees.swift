import Foundation
import IPASNCore
import IPASNStore
import Testing

/// Employees change (`docs/store.md`, "Employees change"): edit, mutasi, inactivation and
/// reactivation through ``EmployeeChangeStore``. Figures are hand-checked on
/// ``StoreConformance/figuresStore(_:)``: A (ROOT) 45, B (SUB) 5, C (SUB) 27.5 in 2024.
extension StoreConformance {
    static func pensiun(_ date: String) -> PegawaiKeluar { PegawaiKeluar(alasan: .pensiun, tanggal: d(date)) }

    static let employees: [StoreBehaviour] = [
        StoreBehaviour("an employee edit is one audited update, undone like an employee save") { make in
            let store = try figuresStore(make)
            let before = try #require(try store.pegawai(nip: nipB))
            var edited = before
            edited.nama = "Budi Santoso"
            edited.jenisJabatan = .fungsional
            edited.jenjang = "Arsiparis Ahli Pertama"
            let audits = try store.auditLog(limit: 100).count
            #expect(try store.changePegawai(edited) == edited)
            let entry = try lastAudit(store)
            #expect(entry.action == .update)
            #expect(entry.subject == .pegawai(nipB))
            #expect(entry.old == .pegawai(before))
            #expect(entry.new == .pegawai(edited))
            #expect(try store.pegawai(nip: nipB) == edited)
            // Nothing differs: nothing written.
            #expect(try store.changePegawai(edited) == nil)
            #expect(try store.auditLog(limit: 100).count == audits + 1)
            var unnamed = edited
            unnamed.nama = " "
            #expect(refusal { try store.changePegawai(unnamed) } == [.required])
            var struktural = edited
            struktural.jenisJabatan = .struktural
            struktural.jenjang = ""
            #expect(refusal { try store.changePegawai(struktural) } == [.required])
            var stranger = edited
            stranger.nip = SmallProvince.stranger
            #expect(refusal { try store.changePegawai(stranger) } == [.unknownNIP(SmallProvince.stranger)])
            #expect(try store.undoLast(session: "test")?.subject == .pegawai(nipB))
            #expect(try store.pegawai(nip: nipB) == before)
            #expect(try store.check() == [])
        },
        StoreBehaviour("a mutasi moves the employee's figures to the new unit at once, with its date in the history") { make in
            let store = try figuresStore(make)
            var direct = try store.directUnitTotals(year: 2024)
            #expect(direct["ROOT"]?.pegawai == 1)
            #expect(direct["ROOT"]?.total == 45)
            #expect(direct["SUB"]?.total == 32.5)  // B 5 + C 27.5
            var moved = try #require(try store.pegawai(nip: nipC))
            moved.kodeUnit = "ROOT"
            #expect(refusal { try store.changePegawai(moved) }.first == .required)  // the mutasi date
            moved.tmtUnit = d("2025-01-11")
            #expect(refusal { try store.changePegawai(moved) } == [.dateInFuture(d("2025-01-11"), today: TestClock.today)])
            var nowhere = moved
            nowhere.kodeUnit = "NOPE"
            nowhere.tmtUnit = d("2025-01-02")
            #expect(refusal { try store.changePegawai(nowhere) } == [.unknownUnit("NOPE")])
            moved.tmtUnit = d("2025-01-02")
            try store.changePegawai(moved)
            direct = try store.directUnitTotals(year: 2024)
            #expect(direct["ROOT"]?.pegawai == 2)
            #expect(direct["ROOT"]?.total == 72.5)  // 45 + 27.5
            #expect(direct["SUB"]?.pegawai == 1)
            #expect(direct["SUB"]?.total == 5)
            let figures = try store.unitFigures(year: 2024)
            #expect(figures[0].meanTotal == 77.5 / 3)  // ROOT with SUB folded in: unchanged
            #expect(figures[1].meanTotal == 5)  // SUB: 16.25 before
            #expect(try store.scores(year: 2024, unit: "SUB").map(\.pegawai.nip) == [nipB])
            let history = PegawaiHistory.mutasi(try store.pegawaiHistory(nip: nipC))
            #expect(history.map(\.dari) == ["SUB"])
            #expect(history.map(\.ke) == ["ROOT"])
            #expect(history.map(\.tanggal) == [d("2025-01-02")])
            #expect(history.first?.actor == "test")
            // A later move cannot be dated before this one.
            var back = moved
            back.kodeUnit = "SUB"
            back.tmtUnit = d("2024-12-01")
            #expect(refusal { try store.changePegawai(back) }.count == 1)
            // Undone: back in SUB, and the mutasi is no longer history.
            try store.undoLast(session: "test")
            #expect(try store.pegawai(nip: nipC)?.kodeUnit == "SUB")
            #expect(try store.directUnitTotals(year: 2024)["SUB"]?.total == 32.5)
            #expect(PegawaiHistory.mutasi(try store.pegawaiHistory(nip: nipC)).isEmpty)
            // Redone: history again.
            try store.redoLast(session: "test")
            #expect(PegawaiHistory.mutasi(try store.pegawaiHistory(nip: nipC)).map(\.ke) == ["ROOT"])
            #expect(try store.check() == [])
        },
        StoreBehaviour("an inactive employee leaves the figures from the year of their leaving date, keeps history, is found") { make in
            let store = try figuresStore(make)
            var figures = try store.unitFigures(year: 2024)
            #expect(figures[1].meanTotal == 16.25)  // SUB: (5 + 27.5) / 2
            #expect(abs(figures[0].meanTotal - 77.5 / 3) < 1e-9)
            var retired = try #require(try store.pegawai(nip: nipC))
            retired.aktif = false
            #expect(refusal { try store.changePegawai(retired) } == [.required])  // the reason and date
            retired.keluar = pensiun("2025-02-01")
            #expect(refusal { try store.changePegawai(retired) } == [.dateInFuture(d("2025-02-01"), today: TestClock.today)])
            // Left in June 2024: out of 2024's figures.
            retired.keluar = pensiun("2024-06-30")
            try store.changePegawai(retired)
            #expect(try lastAudit(store).new == .pegawai(retired))
            figures = try store.unitFigures(year: 2024)
            #expect(figures[1].totals.pegawai == 1)
            #expect(figures[1].meanTotal == 5)  // B alone
            #expect(figures[0].totals.pegawai == 2)
            #expect(figures[0].meanTotal == 25)  // (45 + 5) / 2
            #expect(figures[0].mean(.kompetensi) == 0)  // C's 22.5 went with her
            #expect(try store.scores(year: 2024, unit: nil).map(\.pegawai.nip) == [nipA, nipB])
            // History is kept: records, score, search (with the status).
            #expect(try store.records(nip: nipC)?.diklat.count == 1)
            #expect(try store.score(nip: nipC, year: 2024)?.total == 27.5)
            let found = try store.searchPegawai("Citra", limit: 5)
            #expect(found.map(\.nip) == [nipC])
            #expect(found.first?.aktif == false)
            #expect(found.first?.keluar == pensiun("2024-06-30"))
            // An inactive employee cannot be moved (and would have left before joining).
            var moved = retired
            moved.kodeUnit = "ROOT"
            moved.tmtUnit = d("2025-01-02")
            #expect(refusal { try store.changePegawai(moved) }.count == 2)
            // Reactivated: back in the figures, the reason cleared.
            var back = retired
            back.aktif = true
            try store.changePegawai(back)
            #expect(try store.pegawai(nip: nipC)?.keluar == nil)
            #expect(try store.unitFigures(year: 2024)[1].meanTotal == 16.25)
            // Leaving on 5 January 2025: still in 2024's figures, not in 2025's.
            back.aktif = false
            back.keluar = PegawaiKeluar(alasan: .pindahKeluar, tanggal: d("2025-01-05"))
            try store.changePegawai(back)
            #expect(try store.unitFigures(year: 2024)[1].meanTotal == 16.25)
            #expect(try store.directUnitTotals(year: 2024)["SUB"]?.pegawai == 2)
            #expect(try store.directUnitTotals(year: 2025)["SUB"]?.pegawai == 1)
            #expect(try store.directUnitTotals(year: 2025)["SUB"]?.total == 5)  // B: no records, no punishment
            // Undone twice: active again, as before.
            try store.undoLast(session: "test")
            #expect(try store.pegawai(nip: nipC)?.aktif == true)
            #expect(try store.check() == [])
        },
        StoreBehaviour(shared: "an admin edits and inactivates their units' employees; a mutasi out of their units needs an operator") {
            newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            var budi = try #require(try sari.pegawai(nip: nipB))
            budi.nama = "Budi Santoso"
            #expect(try sari.changePegawai(budi)?.nama == "Budi Santoso")
            budi.aktif = false
            budi.keluar = PegawaiKeluar(alasan: .meninggal, tanggal: d("2024-11-02"))
            try sari.changePegawai(budi)
            #expect(try op.pegawai(nip: nipB)?.keluar?.alasan == .meninggal)
            var andi = try #require(try sari.pegawai(nip: nipA))
            andi.nama = "Andi B"
            #expect(refusedRule { try sari.changePegawai(andi) } == .notYourUnit("ROOT"))
            var citra = try #require(try sari.pegawai(nip: nipC))
            citra.kodeUnit = "LAIN"
            citra.tmtUnit = d("2025-01-02")
            let rule = PermissionRule.mutasiOutside(unit: "LAIN", operators: ["test"])
            #expect(refusedRule { try sari.changePegawai(citra) } == rule)
            #expect(rule.message(.id) == "Mutasi ke unit LAIN (bukan unit Anda) dilakukan operator: minta operator (test) memindahkan pegawai ini")
            #expect(try op.pegawai(nip: nipC)?.kodeUnit == "SUB")
            try op.changePegawai(citra)
            #expect(try sari.pegawai(nip: nipC)?.kodeUnit == "LAIN")
            #expect(try op.check() == [])
        },
        StoreBehaviour("an employee import inactivates with reason and date, never reactivates, keeps an unchanged unit's mutasi date") { make in
            let store = try seeded(make)
            var citra = try #require(try store.pegawai(nip: nipC))
            citra.aktif = false
            citra.keluar = pensiun("2024-06-30")
            try store.changePegawai(citra)
            var budi = try #require(try store.pegawai(nip: nipB))
            budi.kodeUnit = "ROOT"
            budi.tmtUnit = d("2025-01-02")
            try store.changePegawai(budi)
            let meninggal = PegawaiKeluar(alasan: .meninggal, tanggal: d("2024-12-01"))
            var rows = ArrayRowSource(
                kind: .pegawai,
                rows: [
                    Line(2, .pegawai(Pegawai(nip: nipC, nama: "Citra", kodeUnit: "SUB", jenisJabatan: .pelaksana))),  // "aktif"
                    Line(3, .pegawai(Pegawai(nip: nipB, nama: "Budi S", kodeUnit: "ROOT", jenisJabatan: .pelaksana))),
                    Line(4, .pegawai(Pegawai(nip: nipA, nama: "Andi", kodeUnit: "ROOT", jenisJabatan: .pelaksana, aktif: false, keluar: meninggal))),
                ])
            let outcome = try store.importRows(&rows, skipInvalid: false, dryRun: false)
            #expect(outcome.issues.isEmpty)
            #expect(outcome.changes.map(\.line) == [3, 4])
            #expect(outcome.changes.map(\.summary) == [
                "\(nipB): nama \"Budi\" -> \"Budi S\"", "\(nipA): status_aktif aktif -> meninggal 01-12-2024",
            ])
            #expect(try store.pegawai(nip: nipC)?.keluar == pensiun("2024-06-30"), "an import never reactivates")
            #expect(try store.pegawai(nip: nipB)?.tmtUnit == d("2025-01-02"))
            #expect(try store.pegawai(nip: nipA)?.keluar == meninggal)
            #expect(try store.directUnitTotals(year: 2024)["ROOT"]?.pegawai == 1)  // Budi; Andi left in 2024
            // An inactive employee moved by file is refused with its line; nothing is written.
            var moving = ArrayRowSource(
                kind: .pegawai, rows: [Line(2, .pegawai(Pegawai(nip: nipC, nama: "Citra", kodeUnit: "ROOT", jenisJabatan: .pelaksana)))])
            let refused = try store.importRows(&moving, skipInvalid: false, dryRun: false)
            #expect(refused.issues.map(\.line) == [2])
            #expect(refused.issues.map(\.issue.field) == ["kode_unit"])
            #expect(try store.pegawai(nip: nipC)?.kodeUnit == "SUB")
            #expect(try store.check() == [])
        },
    ]
}
