import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Finding 3: a database with data can import too (`I` on the unit list), through the same
/// run as the welcome screen: a file with problems writes nothing, its problems are listed
/// with line numbers, and "valid rows only" is the admin's explicit choice.
@Suite struct ImportFromUnitListTests {
    static let dewi = "199203152020122001"

    func folderWithOneBadRow() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-unit-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Line 3 names a unit that does not exist.
        try Data("nip;nama;kode_unit;jenis_jabatan\n\(Self.dewi);Dewi Lestari;BKPSDM.1;pelaksana\n199001012015031001;Ahmad;NOPE;pelaksana\n".utf8)
            .write(to: folder.appendingPathComponent("pegawai.csv"))
        return folder
    }

    @Test func importKeyOnTheUnitListShowsProblemsThenImportsValidRowsOnRequest() throws {
        let folder = try folderWithOneBadRow()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try makeStore()
        let before = try store.pegawai(nip: Self.dewi)
        #expect(before == nil)
        _ = try run(store) { s in
            s.press(.importFiles)
            s.checkpoint { c in
                #expect(c.frame.line(0).contains("Impor Berkas"))
                #expect(c.frame.text.contains("Lokasi berkas atau folder yang diimpor:"))
            }
            s.enqueue(text: folder.path)
            s.enqueue(.enter)
            s.checkpoint { c in
                #expect(c.frame.line(0).contains("pegawai.csv"))
                #expect(c.frame.text.contains("baris 3"))
                #expect(c.frame.text.contains("v: impor 1 baris yang valid saja"), "\(c)")
                let written = try store.pegawai(nip: Self.dewi)
                #expect(written == nil, "nothing of a file with problems is written")
            }
            s.press(.importValidRows)
            s.checkpoint { c in
                #expect(c.frame.line(0).contains("Unit Kerja") || c.frame.text.contains("Badan Kepegawaian"))
                #expect(c.frame.text.contains("Impor dihentikan") == false)
                #expect(c.frame.text.contains("rejected.csv"))
                let dewi = try store.pegawai(nip: Self.dewi)
                #expect(dewi?.nama == "Dewi Lestari")
            }
        }
    }

    /// The welcome screen of an empty database runs the same flow and shows the problem list.
    @Test func theWelcomeFlowShowsTheProblemListToo() throws {
        let folder = try folderWithOneBadRow()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("kode;nama;induk\nBKPSDM.1;Bidang;\n".utf8).write(to: folder.appendingPathComponent("units.csv"))
        let store = try SQLiteStore.inMemory(context: testContext)
        try store.setMeasurementYear(2024)
        _ = try run(store) { s in
            s.press(.chooseImport)
            s.enqueue(text: folder.path)
            s.enqueue(.enter)
            s.checkpoint { c in
                #expect(c.frame.line(0).contains("pegawai.csv"))
                #expect(c.frame.text.contains("baris 3"))
            }
        }
    }
}
