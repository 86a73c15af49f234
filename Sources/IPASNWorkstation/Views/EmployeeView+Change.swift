import IPASNCore
import IPASNStore
import IPASNTerminal

extension View {
    /// `e` (ubah pegawai) or `a` (nonaktif/aktifkan) on an employee, from the list or the page.
    func changePegawai(_ pegawai: Pegawai, _ command: Command, app: App, onSaved: @escaping () -> Void) {
        // The stored employee, not the list's copy: another admin may have changed it.
        var current = pegawai
        app.attempt { if let fresh = try app.store.pegawai(nip: pegawai.nip) { current = fresh } }
        if command == .editPegawai {
            app.push(PegawaiEditView(app: app, pegawai: current, onSaved: onSaved))
        } else {
            PegawaiKeluarView.toggle(current, app: app, onSaved: onSaved)
        }
    }
}

extension EmployeeView {
    /// `Unit: Bidang (sejak 02-01-2025)`.
    func unitLine(app: App) -> String {
        let since = records.pegawai.tmtUnit.map { " (\(app.t(L.sinceInUnit($0))))" } ?? ""
        return "\(app.t(L.labelUnit)): \(unitNameShown)\(since)"
    }

    /// The mutasi history below the total (nothing when the employee never moved).
    func mutasiLines(app: App, steps read: [PegawaiHistory.Step]? = nil) -> [PageLine] {
        var steps: [PegawaiHistory.Step] = read ?? []
        if read == nil { app.attempt { steps = try app.store.pegawaiHistory(nip: nip) } }
        let moves = PegawaiHistory.mutasi(steps)
        guard !moves.isEmpty else { return [] }
        let names = Dictionary(((try? app.store.units()) ?? []).map { ($0.kode, $0.nama) }, uniquingKeysWith: { a, _ in a })
        return [PageLine(text: app.t(L.mutasiHistoryTitle), style: .header)]
            + moves.reversed().map { move in
                PageLine(text: app.t(L.mutasiLine(move, dari: names[move.dari] ?? move.dari, ke: names[move.ke] ?? move.ke)), style: .dim)
            }
    }
}
