import IPASNCore

/// The bulk SKP grid's choice for an employee who has the year's SKP already (ganti or
/// biarkan), its review per row and its refusals.
extension L {
    // MARK: Commands

    static let replaceExistingDescription = Txt(
        "Ganti SKP yang ada dengan isian baris ini", "Replace the stored SKP with this row's input")
    static let replaceExistingShort = Txt("Ganti", "Replace")
    static let keepExistingDescription = Txt(
        "Biarkan SKP yang ada; isian baris tidak disimpan", "Keep the stored SKP; this row's input is not saved")
    static let keepExistingShort = Txt("Biarkan", "Keep")

    // MARK: The grid

    static let colGridPlan = Txt("Rencana", "Plan")
    static let gridPlanNew = Txt("baru", "new")
    static let gridPlanReplace = Txt("ganti", "replace")
    static let gridPlanKeep = Txt("biarkan", "keep")
    static let gridPlanUndecided = Txt("pilih!", "choose!")

    /// The cursor's row has the year's SKP and no choice yet.
    static func gridHasSKP(_ name: String, _ year: Int, _ stored: String, _ replace: String, _ keep: String) -> Txt {
        Txt(
            "\(name) sudah punya SKP \(year): \(stored). \(replace) ganti dengan isian baris ini, \(keep) biarkan; tanpa pilihan tidak disimpan.",
            "\(name) has the \(year) SKP already: \(stored). \(replace) replace it with this row's input, \(keep) keep it; without a choice it is not saved.")
    }
    static func gridWillReplace(_ name: String, _ year: Int, _ stored: String, _ keep: String) -> Txt {
        Txt(
            "SKP \(year) \(name) (\(stored)) akan diganti dengan isian baris ini. \(keep): biarkan.",
            "\(name)'s \(year) SKP (\(stored)) will be replaced by this row's input. \(keep): keep it.")
    }
    static func gridWillKeep(_ name: String, _ year: Int, _ stored: String, _ replace: String) -> Txt {
        Txt(
            "SKP \(year) \(name) (\(stored)) dibiarkan; isian baris ini tidak disimpan. \(replace): ganti.",
            "\(name)'s \(year) SKP (\(stored)) is kept; this row's input is not saved. \(replace): replace it.")
    }
    /// After a refused save: the row's SKP was changed by another admin (`by` empty: unknown).
    static func gridChangedMeanwhile(_ name: String, _ year: Int, _ stored: String, _ by: String, _ replace: String, _ keep: String) -> Txt {
        let id = by.isEmpty ? "admin lain" : by
        let en = by.isEmpty ? "another admin" : by
        return Txt(
            "SKP \(year) \(name) sudah diubah oleh \(id), sekarang: \(stored). Isian Anda tetap; pilih lagi: \(replace) ganti, \(keep) biarkan.",
            "\(name)'s \(year) SKP was changed by \(en), now: \(stored). Your input stays; choose again: \(replace) replace, \(keep) keep.")
    }
    static func gridNothingToChoose(_ name: String, _ year: Int) -> Txt {
        Txt(
            "\(name) belum punya SKP \(year): isian baris ini disimpan sebagai SKP baru, tidak ada yang perlu dipilih.",
            "\(name) has no \(year) SKP yet: this row's input is saved as a new SKP, there is nothing to choose.")
    }
    static func gridTypeBeforeReplace(_ name: String) -> Txt {
        Txt(
            "Baris \(name): ketik dulu predikat atau nilai pengganti, lalu pilih ganti.",
            "Row \(name): type the replacing predikat or nilai first, then choose replace.")
    }
    /// A save refused because SKP of these rows changed since the grid read them.
    static func gridSaveRefusedChanged(_ names: [String], _ actors: [String]) -> Txt {
        let list = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " …" : "")
        let byID = actors.isEmpty ? "admin lain" : actors.joined(separator: ", ")
        let byEN = actors.isEmpty ? "another admin" : actors.joined(separator: ", ")
        return Txt(
            "Tidak disimpan: SKP \(names.count) baris (\(list)) sudah diubah oleh \(byID). Tidak ada yang tersimpan; isian Anda tetap. Pilih lagi baris yang ditandai, lalu Ctrl-S.",
            "Not saved: the SKP of \(names.count) rows (\(list)) was changed by \(byEN). Nothing was saved; your input stays. Choose again on the marked rows, then Ctrl-S.")
    }

    // MARK: The review

    static let colGridWhat = Txt("Yang terjadi", "What happens")
    static func gridReviewCounts(new: Int, replace: Int, keep: Int, undecided: Int) -> Txt {
        Txt(
            "Baru \(new), ganti \(replace), biarkan \(keep), belum dipilih \(undecided) (tidak disimpan).",
            "New \(new), replace \(replace), keep \(keep), not chosen \(undecided) (not saved).")
    }
    /// `Ctrl-S: 2 SKP dalam satu transaksi.`
    static func gridReviewSave(_ key: String, _ saved: Int) -> Txt {
        Txt("\(key): \(saved) SKP disimpan dalam satu transaksi.", "\(key): \(saved) SKP saved in one transaction.")
    }
    static func gridLineNew(_ typed: String) -> Txt { Txt("baru: \(typed)", "new: \(typed)") }
    static func gridLineReplace(_ old: String, _ typed: String) -> Txt { Txt("ganti \(old) → \(typed)", "replace \(old) → \(typed)") }
    static func gridLineKeep(_ old: String) -> Txt { Txt("biarkan \(old)", "keep \(old)") }
    static func gridLineUndecided(_ old: String) -> Txt {
        Txt("belum dipilih (ada \(old))", "not chosen (has \(old))")
    }
    static func gridNothingSaved(_ undecided: Int) -> Txt {
        undecided > 0
            ? Txt(
                "Tidak ada yang disimpan: \(undecided) baris belum dipilih (ganti atau biarkan). Esc kembali ke tabel.",
                "Nothing to save: \(undecided) rows are not chosen (replace or keep). Esc returns to the grid.")
            : Txt("Tidak ada yang disimpan: semua baris dibiarkan.", "Nothing to save: every row is kept.")
    }
    /// `Tersimpan: SKP 2024 untuk 2 pegawai (1 baru, 1 diganti).` (without replacements, as before:
    /// `Tersimpan: SKP 2024 untuk 1 pegawai.`).
    static func gridSavedPlan(_ new: Int, _ replaced: Int, _ year: Int) -> Txt {
        guard replaced > 0 else { return gridSaved(new, year) }
        return Txt(
            "Tersimpan: SKP \(year) untuk \(new + replaced) pegawai (\(new) baru, \(replaced) diganti).",
            "Saved: SKP \(year) for \(new + replaced) employees (\(new) new, \(replaced) replaced).")
    }
}
