import Foundation
import IPASNTestSupport
import Testing

/// The team's tmux test once saw `ipasn check` print "newerVersion". It happens when the
/// database was upgraded by a newer ipasn (another admin's, or another build of it) with a
/// migration this binary does not know: the message must be a sentence saying so and what
/// to do, in the admin's language, and nothing may be changed.
@Suite struct NewerSchemaMessageTests {
    @Test func checkOnADatabaseOfANewerIpasnSaysWhatToDo() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return }
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [cli.database.path, "INSERT INTO grdb_migrations(identifier) VALUES ('2099-01-01-future')"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let before = try Data(contentsOf: cli.database)
        let id = try cli.run(["check"])
        #expect(id.status != 0)
        #expect(id.stderr.contains("sudah diperbarui oleh ipasn versi lebih baru"), "\(id.stderr)")
        #expect(id.stderr.contains("`ipasn --version`") && id.stderr.contains("tidak mengubah apa pun"))
        #expect(!id.stderr.contains("newerVersion"))
        let en = try cli.run(["--lang", "en", "check"])
        #expect(en.stderr.contains("has been upgraded by a newer version of ipasn"), "\(en.stderr)")
        #expect(try Data(contentsOf: cli.database) == before, "nothing changed")
    }
}
