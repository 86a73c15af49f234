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
            r.changed = 1
            return r
        }
        #expect(try run.proceed() == nil)
        WelcomeView.finish(run, app: app)
        let message = try #require(app.message?.text)
        #expect(message.contains("Impor selesai: 1 baris masuk dari 1 berkas."))
        #expect(message.contains("1 pegawai yang sudah ada berubah: \(budiNIP): nama \"Budi Santoso\" -> \"Budi Santoso Wijaya\""))
    }

    /// A folder file whose kind its name does not tell is named with how to name it, as a
    /// warning, and the run over the other files goes on.
    @Test func aFileOfUnknownKindInTheFolderIsNamedNotSkippedSilently() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "kode,nama,induk\nROOT,Pemkot,\n".write(to: folder.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        try "nip,catatan\n".write(to: folder.appendingPathComponent("catatan.csv"), atomically: true, encoding: .utf8)
        let store = try SQLiteStore.inMemory(context: testContext)
        try store.setMeasurementYear(2024)
        let run = try ImportRun(path: folder.path, store: store, today: testContext.today)
        #expect(run.files.map(\.kind) == [.units])
        #expect(run.unrecognized == ["catatan.csv"])
        #expect(try run.proceed() == nil)
        let app = try App(store: store, language: .id, keymap: .standard, context: testContext, loadDemo: nil, importFile: nil)
        app.replaceAll(with: WelcomeView())
        WelcomeView.finish(run, app: app)
        let message = try #require(app.message)
        #expect(message.text.contains("Impor selesai: 1 baris masuk dari 1 berkas."))
        #expect(message.text.contains("catatan.csv tidak diimpor: jenis datanya tidak terbaca dari nama berkas."))
        #expect(message.style == .warning)
    }

    /// A folder holding only files of unknown kind is a run with nothing to import, still reported.
    @Test func aFolderOfOnlyUnknownFilesIsReportedToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "a,b\n".write(to: folder.appendingPathComponent("catatan.csv"), atomically: true, encoding: .utf8)
        let store = try SQLiteStore.inMemory(context: testContext)
        let run = try ImportRun(path: folder.path, store: store, today: testContext.today)
        #expect(run.files.isEmpty && run.unrecognized == ["catatan.csv"])
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: FolderImport.Failure.self) { try ImportRun(path: empty.path, store: store, today: testContext.today) }
    }
}
