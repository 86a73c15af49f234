import IPASNCore

/// Messages of the fixes after the seventh user test's "not fixed" list (branch `ux8`).
extension L {
    // MARK: A picker passed over with a prefix fitting several choices

    /// Tab (or Enter) on a picker whose text fits several choices: the cursor moved on, the
    /// picker is marked, and the save asks for the choice first.
    static func pickerPassedOver(_ field: String, _ text: String, _ names: [String]) -> Txt {
        let shown = firstChoices(names)
        return Txt(
            "\(field) \"\(text)\" belum dipilih (\(shown)): dipilih sebelum simpan (Shift-Tab kembali).",
            "\(field) \"\(text)\" is not chosen yet (\(shown)): choose it before saving (Shift-Tab goes back).")
    }

    /// The first three of a picker's choices a text fits, "…" after them when there are more
    /// (the message row is one line: the names come before the keys).
    static func firstChoices(_ names: [String]) -> String {
        names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
    }

    // MARK: The verifikator's queue of a province

    /// The title's subject when the queue is every instansi's.
    static let queueEveryInstansi = Txt("semua instansi", "every instansi")
    /// The filter line's part when the queue is narrowed to one instansi.
    static func queueInstansi(_ name: String) -> Txt { Txt("instansi \(name)", "instansi \(name)") }
    /// Row 2 of a province's queue: what waits in each instansi.
    static func queuePerInstansi(_ parts: String) -> Txt { Txt("Per instansi: \(parts) (f: saring)", "Per instansi: \(parts) (f: filter)") }

    // MARK: SKP held by SIASN, listed

    /// The pending screen's count of SKP SIASN holds in an older version, and where the list is.
    static func skpHeldCountListed(_ n: Int) -> Txt {
        Txt(
            "\(n) SKP terkirim lalu diubah ke sebelum 2022 (Enter pada unit: daftarnya)",
            "\(n) SKP sent, then moved before 2022 (Enter on a unit: the list)")
    }

    // MARK: The SKP grid's columns

    /// The SKP grid's column of the SKP stored for the year (shorter than "SKP sekarang", so the
    /// name has the room at 80 columns).
    static let colSKPStored = Txt("Tersimpan", "Stored")

    // MARK: The dashboard's input counts without the operator's imports

    /// After the dashboard's row 1 when an operator imported records this week (not counted).
    static func operatorLoadsNote(_ today: Int, _ week: Int) -> Txt {
        Txt(" Tanpa impor operator: hari ini \(today), minggu ini \(week).", " Operator imports apart: today \(today), this week \(week).")
    }

    /// Its short form, after the short row 1.
    static func operatorLoadsNoteShort(_ week: Int) -> Txt { Txt(" (+\(week) impor operator)", " (+\(week) operator imports)") }

    /// A unit's pending list's row 1 when it lists SKP SIASN holds in an older version.
    static func pendingUnitSummaryWithHeld(_ unsent: Int, _ deletions: Int, _ held: Int) -> Txt {
        Txt(
            "\(unsent) data belum dikirim, \(deletions) terkirim lalu dihapus, \(held) SKP versi lama di SIASN",
            "\(unsent) records not sent, \(deletions) sent then deleted, \(held) SKP in an older version in SIASN")
    }
}
