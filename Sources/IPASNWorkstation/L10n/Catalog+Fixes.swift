import IPASNCore

/// The strings of branch fixes: an SKP SIASN already holds that an edit moves before 2022.
extension L {
    /// The employee page's SIASN mark of an SKP before 2022 that SIASN holds in an older version.
    static func skpHeldMark(_ batch: Int64) -> Txt { Txt("SIASN versi #\(batch)", "SIASN has #\(batch)") }

    /// The line under such an SKP on the employee page.
    static func skpHeldReason(_ batch: Int64) -> Txt {
        Txt(
            "SIASN menyimpan versi #\(batch); sebelum 2022 tak dikirim: perbaiki di SIASN",
            "SIASN keeps version #\(batch); before 2022 nothing is sent: correct it in SIASN")
    }

    /// What SIASN has of the SKP being edited: "sebagai 2023 (#3)" when it has the record as
    /// loaded, else only the batch.
    private static func sentAs(_ tahun: Int?, _ batch: Int64) -> (id: String, en: String) {
        guard let tahun else { return ("(#\(batch))", "(#\(batch))") }
        return ("sebagai \(tahun) (#\(batch))", "as \(tahun) (#\(batch))")
    }

    /// The short form for the message row: "(2023, #3)".
    private static func sentAsShort(_ tahun: Int?, _ batch: Int64) -> String {
        tahun.map { "(\($0), #\(batch))" } ?? "(#\(batch))"
    }

    /// The form's message row while an SKP SIASN holds is typed with a year before 2022.
    static func skpLeavesSIASNNote(_ tahun: Int?, _ batch: Int64) -> Txt {
        let what = sentAsShort(tahun, batch)
        return Txt(
            "SIASN punya SKP ini \(what); tahun sebelum 2022 tak dikirim: ubah di SIASN",
            "SIASN has this SKP \(what); a year before 2022 is not sent: fix it in SIASN")
    }

    /// The question at save time.
    static func skpLeavesSIASNAsk(_ tahun: Int?, _ batch: Int64, newYear: Int) -> Txt {
        let what = sentAs(tahun, batch)
        return Txt(
            "SKP ini sudah dikirim ke SIASN \(what.id). SKP sebelum 2022 tidak dikirim ke SIASN: data di SIASN tetap "
                + "seperti yang dikirim dan ipasn tidak akan mengirim perubahan ke \(newYear). Perbaiki atau hapus di SIASN "
                + "sendiri. Simpan?",
            "This SKP was sent to SIASN \(what.en). SKP before 2022 are not sent to SIASN: SIASN keeps what it got and "
                + "ipasn will not send the change to \(newYear). Correct or delete it in SIASN yourself. Save?")
    }

    /// The pending screen with nothing to send while SIASN holds SKP ipasn will not send again.
    static let pendingNothingWaiting = Txt("Tidak ada data yang menunggu dikirim ke SIASN.", "Nothing is waiting to be sent to SIASN.")
}
