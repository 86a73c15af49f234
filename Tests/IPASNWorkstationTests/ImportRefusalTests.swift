import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import Testing

@testable import IPASNWorkstation

/// Issue 13: a CSV file refused as a whole reaches the admin as a sentence in their language.
@Suite struct ImportRefusalTests {
    @Test func aMixedEncodingFileIsRefusedWithItsSentence() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-ws-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("units.csv")
        try Data(Array("kode,nama\nU1,Jos".utf8) + [0xE9] + Array("\nU2,Café\n".utf8)).write(to: file)
        let store = try makeStore()
        let app = try App(
            store: store, language: .id, keymap: Keymap.standard, context: testContext, loadDemo: nil,
            importFile: { path in try ImportRun(path: path, store: store, today: testContext.today) })
        let done = app.attempt { _ = try app.importFile!(file.path).proceed() }
        #expect(!done)
        #expect(
            app.message?.text
                == "Berkas mencampur dua pengodean huruf: baris 3 ditulis UTF-8, baris 2 Windows-1252 (ANSI). Simpan ulang seluruh berkas dengan satu pengodean (di Excel: \"CSV UTF-8\") lalu impor lagi."
        )
        #expect(try store.units().map(\.kode) == ["BKPSDM", "BKPSDM.1"])
    }
}
