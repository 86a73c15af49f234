import IPASNCore

/// The texts of accounts: the first operator, a login without an account.
extension L {
    static func firstOperator(_ login: String) -> Txt {
        Txt(
            "Anda (\(login)) menjadi operator basis data baru ini. Tambahkan akun admin dengan `ipasn users add`.",
            "You (\(login)) are now the operator of this new database. Add admins with `ipasn users add`.")
    }
    static let noAccountTitle = Txt("Belum ada akun", "No account")
    static let pressAnyKeyToQuit = Txt("Tekan tombol apa saja untuk keluar.", "Press any key to quit.")
}
