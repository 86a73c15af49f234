import IPASNCore
import IPASNStore
import IPASNTerminal

/// Texts the admins' test days asked for: undo and redo naming what they revert, the
/// pensiun dialog's hint and question saying the same thing, the mutasi question with unit
/// names, and the employee page's kompetensi sections.
extension L {
    // MARK: Undo and redo: what is undone, as a noun phrase

    /// What an undo or redo reverts or applies again: `penyimpanan SKP 2025 untuk Ayu`,
    /// `penghapusan diklat 'Bimtek Arsip' untuk Ayu`, `penyimpanan diklat 'Sosialisasi SKP'
    /// untuk 15 peserta`, `penambahan Ayu ke 'Sosialisasi SKP'`, `mutasi Ayu ke DINKES`.
    /// `employeeName` is the record's employee (for a batch: its only employee when it has one);
    /// `batch` the batch the entry belongs to.
    static func changeSubject(_ entry: AuditEntry, employeeName: String?, batch: BatchInfo?) -> Txt {
        let action = changeAction(entry)
        if let batch { return batchSubject(entry, action, batch, employeeName: employeeName) }
        let act = actionNoun(action)
        let value = entry.new ?? entry.old
        switch entry.subject {
        case .record(let id):
            var what = entry.record.map(recordPhrase) ?? recordNoun[id.kind]!
            // An edit that renamed the record names both states: the question and the message
            // after it must match what the page shows before and after ("perubahan pendidikan
            // S-1 Universitas Brawijaya -> Universitas Negeri Malang", not the old name alone).
            if action == .update, let before = entry.old?.record, let after = entry.new?.record {
                let was = recordPhrase(before)
                let now = recordPhrase(after)
                if was.id != now.id {
                    what = Txt("\(was.id) -> \(Self.changedPart(was.id, now.id))", "\(was.en) -> \(Self.changedPart(was.en, now.en))")
                }
            }
            let who = employeeName.map { Txt(" untuk \($0)", " for \($0)") } ?? Txt("", "")
            return Txt("\(act.id) \(what.id)\(who.id)", "\(act.en) \(what.en)\(who.en)")
        case .importFile(let kind):
            var rows = 0
            if case .importSummary(let summary)? = entry.new { rows = summary.imported }
            return Txt("impor \(kind.rawValue) (\(rows) baris)", "the import of \(kind.rawValue) (\(rows) rows)")
        case .pegawai(let nip):
            return pegawaiSubject(entry, act, nip: nip)
        case .unit(let kode):
            var name = ""
            if case .unit(let unit)? = value { name = unit.nama + " " }
            return Txt("\(act.id) unit \(name)(\(kode))", "\(act.en) unit \(name)(\(kode))")
        case .setting(let setting):
            return Txt("\(act.id) pengaturan \(setting.rawValue)", "\(act.en) the setting \(setting.rawValue)")
        case .progress(let unit, let dimension):
            return Txt(
                "\(act.id) tanda selesai \(dimension.rawValue) unit \(unit)",
                "\(act.en) the finished mark of \(dimension.rawValue) for unit \(unit)")
        case .account(let login):
            return Txt("\(act.id) akun \(login)", "\(act.en) account \(login)")
        case .siasnBatch(let number):
            return siasnMarking(entry.action, batch: number)
        }
    }

    /// `now` without the first words (at most two) it has in common with `was`, so an edit
    /// reads `pendidikan S-1 Universitas Brawijaya -> Universitas Negeri Malang`.
    static func changedPart(_ was: String, _ now: String) -> String {
        let old = was.split(separator: " ")
        let new = now.split(separator: " ")
        var common = 0
        // At most the kind and the level (`pendidikan S-1`); a quoted name stays whole.
        while common < min(2, old.count - 1, new.count - 1) && old[common] == new[common] && !new[common].hasPrefix("'") {
            common += 1
        }
        return new[common...].joined(separator: " ")
    }

    /// `penyimpanan`, `penghapusan`, `perubahan`: what was done to the thing named after it.
    private static func actionNoun(_ action: AuditAction) -> Txt {
        switch action {
        case .insert: return Txt("penyimpanan", "saving")
        case .delete: return Txt("penghapusan", "deleting")
        case .import: return Txt("impor", "the import of")
        default: return Txt("perubahan", "the change to")
        }
    }

    /// A record by what an admin calls it: `SKP 2025`, `diklat 'Bimtek Arsip'`,
    /// `pendidikan S-1 Universitas Udayana`, `hukuman disiplin Ringan (TMT 01-02-2025)`.
    static func recordPhrase(_ record: Record) -> Txt {
        switch record {
        case .skp(let r):
            return Txt("SKP \(r.tahun)", "SKP \(r.tahun)")
        case .diklat(let r):
            return Txt("diklat '\(r.nama)'", "course '\(r.nama)'")
        case .pendidikan(let r):
            let school = r.namaSekolah.isEmpty ? "" : " \(r.namaSekolah)"
            return Txt("pendidikan \(r.tingkat.displayName)\(school)", "education \(r.tingkat.displayName)\(school)")
        case .disiplin(let r):
            return Txt(
                "hukuman disiplin \(r.tingkat.displayName) (TMT \(r.tmt.dayFirst))",
                "punishment \(r.tingkat.displayName) (TMT \(r.tmt.dayFirst))")
        }
    }

    /// A batch, undone and redone as one step: the event for its participants (a diklat's
    /// are `peserta`, an SKP grid's `pegawai`; one employee by name), or a later addition to
    /// or removal from it.
    private static func batchSubject(_ entry: AuditEntry, _ action: AuditAction, _ batch: BatchInfo, employeeName: String?)
        -> Txt
    {
        let one = batch.count == 1 ? employeeName : nil
        if batch.parent != nil {
            if action == .delete {
                let who = one ?? "\(batch.count) peserta"
                let whoEN = one ?? "\(batch.count) participants"
                return Txt("penghapusan \(who) dari '\(batch.label)'", "removing \(whoEN) from '\(batch.label)'")
            }
            let who = one ?? "\(batch.count) peserta"
            let whoEN = one ?? "\(batch.count) participants"
            return Txt("penambahan \(who) ke '\(batch.label)'", "adding \(whoEN) to '\(batch.label)'")
        }
        let act = actionNoun(action)
        let record = entry.record
        let what: Txt
        switch record {
        case .diklat?: what = Txt("diklat '\(batch.label)'", "course '\(batch.label)'")
        case let record?: what = recordPhrase(record)
        case nil: what = Txt("'\(batch.label)'", "'\(batch.label)'")
        }
        let who: Txt
        if let one {
            who = Txt(one, one)
        } else if case .diklat? = record {
            who = Txt("\(batch.count) peserta", "\(batch.count) participants")
        } else {
            who = Txt("\(batch.count) pegawai", "\(batch.count) employees")
        }
        return Txt("\(act.id) \(what.id) untuk \(who.id)", "\(act.en) \(what.en) for \(who.en)")
    }

    /// An employee's change by what it did: a mutasi, setting inactive, reactivating, or
    /// another change of their data.
    private static func pegawaiSubject(_ entry: AuditEntry, _ act: Txt, nip: String) -> Txt {
        var before: Pegawai?
        var after: Pegawai?
        if case .pegawai(let p)? = entry.old { before = p }
        if case .pegawai(let p)? = entry.new { after = p }
        let name = (after ?? before)?.nama ?? ""
        let who = name.isEmpty ? nip : "\(name) (\(nip))"
        if let before, let after {
            if before.aktif && !after.aktif { return Txt("penonaktifan \(who)", "setting \(who) inactive") }
            if !before.aktif && after.aktif { return Txt("pengaktifan kembali \(who)", "reactivating \(who)") }
            if before.kodeUnit != after.kodeUnit {
                return Txt(
                    "mutasi \(who) dari \(before.kodeUnit) ke \(after.kodeUnit)",
                    "the transfer of \(who) from \(before.kodeUnit) to \(after.kodeUnit)")
            }
            return Txt("perubahan data pegawai \(who)", "the change to employee \(who)")
        }
        return Txt("\(act.id) pegawai \(who)", "\(act.en) employee \(who)")
    }

    // MARK: Pensiun (setting inactive): the hint and the question say the same

    /// The form's hint: what happens to the employee and their records, and what undoes it.
    static let pegawaiKeluarHint = Txt(
        "Pegawai tidak dihitung lagi dalam angka unit mulai tahun tanggal keluar. Riwayat dan nilainya tetap "
            + "disimpan. Bisa dibatalkan (u) atau diaktifkan kembali (a).",
        "The employee no longer counts in the unit figures from the year of the leaving date. Their records and "
            + "scores are kept. Can be undone (u) or reactivated (a).")

    /// The question before saving: the same facts as ``pegawaiKeluarHint``, with the year.
    static func confirmKeluar(_ nama: String, _ alasan: String, _ tanggal: LocalDate) -> Txt {
        Txt(
            "Nonaktifkan \(nama): \(alasan) sejak \(tanggal.dayFirst)?\nIa tidak dihitung lagi dalam angka unit mulai tahun "
                + "\(tanggal.year).\nRiwayat dan nilainya tetap disimpan.\nBisa dibatalkan (u) atau diaktifkan kembali (a).",
            "Set \(nama) inactive: \(alasan) since \(tanggal.dayFirst)?\nThey no longer count in the unit figures from "
                + "\(tanggal.year).\nTheir records and scores are kept.\nCan be undone (u) or reactivated (a).")
    }

    // MARK: Mutasi: the question names the employee and both units

    /// `Mutasi Ayu (NIP ...)?` then one line for each unit (name cut to fit, code in
    /// brackets), the date, and the other changes when there are any.
    static func confirmMutasi(_ nama: String, nip: String, from: String, to: String, tanggal: String, others: String) -> Txt {
        let moreID = others.isEmpty ? "" : "\nJuga: \(others)"
        let moreEN = others.isEmpty ? "" : "\nAlso: \(others)"
        return Txt(
            "Mutasi \(nama) (\(nip))?\nDari: \(from)\nKe: \(to)\nTanggal mutasi \(tanggal). Angka unitnya ikut pindah.\(moreID)",
            "Transfer \(nama) (\(nip))?\nFrom: \(from)\nTo: \(to)\nTransfer date \(tanggal). Their figures move with them.\(moreEN)")
    }

    /// A unit in the mutasi question: its name cut with `…` so that the name and ` (KODE)`
    /// fit `width` columns; the code is never cut.
    static func unitInQuestion(name: String, kode: String, width: Int) -> String {
        let code = " (\(kode))"
        let room = max(8, width - DisplayWidth.width(of: code))
        return DisplayWidth.truncate(name, toWidth: room) + code
    }

    // MARK: Employee page: kompetensi records by scoring group

    /// A group's heading: its name, then what it earned when the ruleset scores it for the
    /// post (the reason's words after its own label).
    static func diklatSectionTitle(_ group: DiklatGroup?) -> Txt {
        switch group {
        case .kepemimpinan?: return Txt("Kepemimpinan (struktural)", "Leadership (struktural)")
        case .fungsional?: return Txt("Fungsional", "Functional")
        case .teknis?: return Txt("Teknis", "Technical (teknis)")
        case .seminar?: return Txt("Seminar, workshop, sosialisasi", "Seminars, workshops, sosialisasi")
        case nil: return Txt("Tidak dihitung (jenis tanpa kelompok)", "Not counted (jenis in no group)")
        }
    }
}

extension L {
    /// A kompetensi group whose records the post earns no points from (a pelaksana's leadership course).
    static let sectionNotScored = Txt("tidak dinilai untuk jabatan ini", "not scored for this post")
}
