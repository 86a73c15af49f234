import Foundation
import IPASNCore
import IPASNStore

/// The catalog's texts for this session's undo and redo, live refresh, drafts of every form
/// and the explicit "ubah unit" action.
extension L {
    // MARK: Undo and redo

    static let nothingToRedo = Txt("Tidak ada yang bisa diulang.", "Nothing to redo.")
    /// `Batalkan penyimpanan SKP 2025 untuk Ayu?` (``changeSubject(_:employeeName:batch:)``).
    static func confirmUndo(_ change: Txt) -> Txt { Txt("Batalkan \(change.id)?", "Undo \(change.en)?") }
    static func undoneChange(_ change: Txt) -> Txt {
        Txt("Dibatalkan: \(Txt.sentence(change.id)) Tekan U untuk mengulang.", "Undone: \(Txt.sentence(change.en)) Press U to redo.")
    }
    static func confirmRedo(_ change: Txt) -> Txt { Txt("Ulangi \(change.id)?", "Redo \(change.en)?") }
    static func redoneChange(_ change: Txt) -> Txt { Txt("Diulang: \(Txt.sentence(change.id))", "Redone: \(Txt.sentence(change.en))") }

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
