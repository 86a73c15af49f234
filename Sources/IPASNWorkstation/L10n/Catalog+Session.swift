import Foundation
import IPASNCore
import IPASNStore

/// The catalog's texts for this session's undo and redo, live refresh, drafts of every form
/// and the explicit "ubah unit" action.
extension L {
    // MARK: Undo and redo

    static let nothingToRedo = Txt("Tidak ada yang bisa diulang.", "Nothing to redo.")
    /// `Batalkan: tambah diklat 'X' untuk Y?`
    static func confirmUndo(_ change: Txt) -> Txt { Txt("Batalkan: \(change.id)?", "Undo: \(change.en)?") }
    static func undoneChange(_ change: Txt) -> Txt {
        Txt("Dibatalkan: \(Txt.sentence(change.id)) Tekan U untuk mengulang.", "Undone: \(Txt.sentence(change.en)) Press U to redo.")
    }
    static func confirmRedo(_ change: Txt) -> Txt { Txt("Ulangi: \(change.id)?", "Redo: \(change.en)?") }
    static func redoneChange(_ change: Txt) -> Txt { Txt("Diulang: \(Txt.sentence(change.id))", "Redone: \(Txt.sentence(change.en))") }

    /// One change of the audit log in words: `tambah diklat 'Pelatihan X' untuk Ayu`,
    /// `ubah unit Bidang (B1)`, `impor pegawai (12 baris)`.
    static func change(_ entry: AuditEntry, employeeName: String?) -> Txt {
        let verb: Txt
        switch changeAction(entry) {
        case .insert: verb = Txt("tambah", "add")
        case .delete: verb = Txt("hapus", "delete")
        case .import: verb = Txt("impor", "import")
        default: verb = Txt("ubah", "edit")
        }
        let value = entry.new ?? entry.old
        switch entry.subject {
        case .importFile(let kind):
            var rows = 0
            if case .importSummary(let summary)? = entry.new { rows = summary.imported }
            return Txt("\(verb.id) \(kind.rawValue) (\(rows) baris)", "\(verb.en) \(kind.rawValue) (\(rows) rows)")
        case .record(let id):
            let what = value?.record.map { " '\(App.recordName($0))'" } ?? ""
            let noun = recordNoun[id.kind]!
            let forID = employeeName.map { " untuk \($0)" } ?? ""
            let forEN = employeeName.map { " for \($0)" } ?? ""
            return Txt("\(verb.id) \(noun.id)\(what)\(forID)", "\(verb.en) \(noun.en)\(what)\(forEN)")
        case .pegawai(let nip):
            var name = ""
            if case .pegawai(let pegawai)? = value { name = pegawai.nama }
            return Txt("\(verb.id) pegawai \(name) (\(nip))", "\(verb.en) employee \(name) (\(nip))")
        case .unit(let kode):
            var name = ""
            if case .unit(let unit)? = value { name = unit.nama }
            return Txt("\(verb.id) unit \(name) (\(kode))", "\(verb.en) unit \(name) (\(kode))")
        case .setting(let setting):
            return Txt("\(verb.id) \(setting.rawValue)", "\(verb.en) \(setting.rawValue)")
        case .progress(let unit, let dimension):
            return Txt("\(verb.id) \(unit)/\(dimension.rawValue)", "\(verb.en) \(unit)/\(dimension.rawValue)")
        case .account(let login):
            return Txt("\(verb.id) akun \(login)", "\(verb.en) account \(login)")
        }
    }

    /// What a change did: a redo entry says it by which of its values exist.
    static func changeAction(_ entry: AuditEntry) -> AuditAction {
        switch entry.action {
        case .insert, .update, .delete, .import: return entry.action
        default:
            if entry.old == nil { return .insert }
            if entry.new == nil { return .delete }
            return .update
        }
    }

    // MARK: Live refresh

    /// Shown when another session changed data under the open screen.
    static func refreshedBy(_ actor: String) -> Txt {
        Txt("Data diubah oleh \(actor): layar dimuat ulang.", "Data changed by \(actor): screen reloaded.")
    }
    static func changedUnderForm(_ actor: String) -> Txt {
        Txt(
            "Data diubah oleh \(actor). Isian Anda tetap; nilai dihitung ulang saat disimpan.",
            "Data changed by \(actor). Your input stays; scores are recomputed on save.")
    }

    // MARK: Drafts of the setup form

    static let setupFormName = Txt("tambah unit dan pegawai", "add a unit and an employee")

    // MARK: Editing a unit

    static let unitEditTitle = Txt("Ubah unit", "Edit a unit")
    /// `Ubah unit B1: nama "Bidang" -> "Bidang Mutasi", induk ROOT -> (tanpa induk)?`: only what changes.
    static func confirmUnitEdit(_ before: OrgUnit, _ after: OrgUnit) -> Txt {
        var id: [String] = []
        var en: [String] = []
        if before.nama != after.nama {
            id.append("nama \"\(before.nama)\" -> \"\(after.nama)\"")
            en.append("name \"\(before.nama)\" -> \"\(after.nama)\"")
        }
        if before.induk != after.induk {
            id.append("induk \(before.induk ?? "(tanpa induk)") -> \(after.induk ?? "(tanpa induk)")")
            en.append("parent \(before.induk ?? "(none)") -> \(after.induk ?? "(none)")")
        }
        return Txt(
            "Ubah unit \(before.kode): \(id.joined(separator: ", "))?", "Edit unit \(before.kode): \(en.joined(separator: ", "))?")
    }
    static func unitSaved(_ unit: OrgUnit) -> Txt {
        Txt("Unit \(unit.kode) diubah. Tekan u untuk membatalkan.", "Unit \(unit.kode) changed. Press u to undo.")
    }
    static let unitUnchanged = Txt("Tidak ada yang diubah.", "Nothing changed.")
    static let setupUnitKept = Txt(
        "Unit ini sudah ada: datanya tidak diubah di sini (ubah unit dengan e di daftar unit).",
        "This unit exists: it is not changed here (edit a unit with e on the unit list).")
    static func setupNIPExists(_ nip: String) -> Txt {
        Txt(
            "NIP \(nip) sudah terdaftar: buka pegawai itu lewat pencarian (/).",
            "NIP \(nip) is already registered: open that employee with search (/).")
    }
    static func setupUnitExists(_ kode: String) -> Txt {
        Txt(
            "Unit \(kode) sudah ada: pilih unit itu di daftar unit lalu tekan t, atau pakai kode baru.",
            "Unit \(kode) already exists: select it on the unit list and press t, or use a new code.")
    }
}
