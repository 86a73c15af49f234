/// Messages of the fixes after the fifth user test's "not fixed" list (branch `uxfix`).
extension L {
    /// The review of a bulk course: the event itself (dates, JP, jenis, penyelenggara), so a
    /// wrong date can be caught before the save.
    static func bulkReviewCourse(dates: String, jp: Int, jenis: String, penyelenggara: String) -> Txt {
        let organiser = penyelenggara.isEmpty ? "" : " · \(penyelenggara)"
        return Txt("\(dates) · \(jp) JP · \(jenis)\(organiser)", "\(dates) · \(jp) JP · \(jenis)\(organiser)")
    }

    /// A course's dates: one day, or first to last.
    static func courseDates(_ start: String, _ end: String) -> Txt {
        start == end ? Txt(start, start) : Txt("\(start) s.d. \(end)", "\(start) to \(end)")
    }

    /// A bulk pendidikan's graduation date in its review.
    static func bulkReviewGraduation(_ date: String) -> Txt {
        Txt("Tanggal lulus \(date)", "Graduated \(date)")
    }

    /// The SKP grid's row of an employee who has the year's SKP, before anything is typed in
    /// it: said quietly (the cursor passes many such rows); the choice (F3/F4) is asked once
    /// the admin types there.
    static func gridHasSKPQuiet(_ name: String, _ year: Int, _ stored: String) -> Txt {
        Txt(
            "\(name) sudah punya SKP \(year): \(stored).",
            "\(name) already has an SKP for \(year): \(stored).")
    }
}
