import Foundation
import IPASNFiles
import IPASNTestSupport
import Testing

@Suite struct AtomicFileTests {
    @Test func replacesTheFileAndLeavesNothingElseBehind() throws {
        let dir = try TemporaryDirectory(prefix: "ipasn-atomic")
        defer { dir.remove() }
        let path = dir.path("hasil.csv")
        try AtomicFile.write("lama\n", to: path)
        try AtomicFile.write("baru;satu\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "baru;satu\n")
        // Only the target is in its folder: the temporary file was renamed, not copied.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["hasil.csv"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
    }

    @Test func aFailedWriteKeepsTheOldFileAndNamesTheReason() throws {
        let dir = try TemporaryDirectory(prefix: "ipasn-atomic")
        defer { dir.remove() }
        // The folder does not exist: the temporary file cannot be created there.
        let path = dir.path("tidak-ada/hasil.csv")
        #expect(throws: AtomicFile.Failure(path: path, code: ENOENT)) { try AtomicFile.write("x", to: path) }
        #expect((AtomicFile.Failure(path: path, code: ENOENT) as NSError).domain == NSPOSIXErrorDomain)
        // A target that is a folder: the rename fails, the folder and its content stay, no temporary file is left.
        let folder = dir.path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try dir.write("folder/isi.txt", "tetap")
        #expect(throws: AtomicFile.Failure(path: folder, code: EISDIR)) { try AtomicFile.write("x", to: folder) }
        #expect(try String(contentsOfFile: dir.path("folder/isi.txt"), encoding: .utf8) == "tetap")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["folder"])
    }
}
