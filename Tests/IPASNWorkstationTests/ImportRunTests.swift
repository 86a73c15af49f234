import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import Testing

@testable import IPASNWorkstation

/// The workstation's import run, file by file, without files: the import is a closure.
@Suite struct ImportRunTests {
    static let bad = LineIssue(line: 3, issue: ValidationIssue(field: "nip", code: .unknownNIP("1")))

    func report(_ kind: ImportKind, _ path: String, imported: Int, issues: [LineIssue] = [], skip: Bool = false) -> ImportReport {
        ImportReport(
            kind: kind, path: path, imported: imported, issues: issues,
            rejectedPath: skip && !issues.isEmpty ? path + ".rejected.csv" : nil, windows1252: false)
    }

    @Test func eachFileIsAllOrNothingAndValidRowsOnlyIsAnExplicitStep() throws {
        var calls: [String] = []
        let run = ImportRun(files: [(.units, "units.csv"), (.pegawai, "pegawai.csv"), (.diklat, "diklat.csv")]) { kind, path, skip in
            calls.append("\(path)\(skip ? " skip" : "")")
            if kind == .pegawai { return report(kind, path, imported: skip ? 5 : 0, issues: [Self.bad], skip: skip) }
            return report(kind, path, imported: 2)
        }
        let stopped = try #require(try run.proceed())
        #expect(stopped.path == "pegawai.csv")
        #expect(calls == ["units.csv", "pegawai.csv"], "diklat waits until the admin decides")
        #expect(run.imported == 2)
        #expect(run.remaining.map(\.path) == ["pegawai.csv", "diklat.csv"])
        #expect(try run.importValidRowsAndProceed() == nil)
        #expect(calls == ["units.csv", "pegawai.csv", "pegawai.csv skip", "diklat.csv"])
        #expect(run.imported == 9)
        #expect(run.rejectedFiles == ["pegawai.csv.rejected.csv"])
    }

    /// The outcome names the employees an import changed (a short list).
    @Test func theOutcomeListsChangedEmployees() throws {
        let store = try makeStore()
        let app = try App(store: store, language: .id, keymap: .standard, context: testContext, loadDemo: nil, importFile: nil)
        app.replaceAll(with: WelcomeView())
        let old = Pegawai(nip: budiNIP, nama: "Budi Santoso", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana)
        var changed = old
        changed.nama = "Budi Santoso Wijaya"
        let run = ImportRun(files: [(.pegawai, "pegawai.csv")]) { kind, path, _ in
            var r = report(kind, path, imported: 1)
            r.changes = [PegawaiChange(line: 2, old: old, new: changed)]
            return r
        }
        #expect(try run.proceed() == nil)
        WelcomeView.finish(run, app: app)
        let message = try #require(app.message?.text)
        #expect(message.contains("Impor selesai: 1 baris masuk dari 1 berkas."))
        #expect(message.contains("1 pegawai yang sudah ada berubah: \(budiNIP): nama \"Budi Santoso\" -> \"Budi Santoso Wijaya\""))
    }
}
