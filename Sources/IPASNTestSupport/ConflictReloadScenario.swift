import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

/// One admin's workstation as a test drives it, whatever engine its store runs on: keys in,
/// the screen's text out (this module does not know the workstation; the test builds it).
public struct ScreenDriver {
    public var press: (Key) -> Void
    public var text: () -> String

    public init(press: @escaping (Key) -> Void, text: @escaping () -> String) {
        self.press = press
        self.text = text
    }

    public func type(_ keys: String) {
        for c in keys {
            switch c {
            case "\n": press(.enter)
            case "\t": press(.tab)
            default: press(.char(c))
            }
        }
    }

    /// The screen with every run of blanks (line ends included) as one space: a message the
    /// message row wraps reads as one sentence.
    public var flat: String { text().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}

/// Two unit admins open one course of Budi's; Ani saves first (a new name and JP 30); Budi's
/// save (JP 24, a certificate number) is refused, the message names the reload key, and the
/// reload brings Ani's name in, keeps Budi's certificate number and his JP (the field both
/// changed, Ani's 30 named), saves nothing; Budi's next save keeps both changes (branch
/// usertest11). One body for both engines: `open(login)` gives a workstation on the shared
/// database, `store(login)` a store on it; `keys` names the keys by command.
public enum ConflictReloadScenario {
    public struct Keys {
        public var reload: Key
        public var save: Key
        /// The reload key as the screen names it (`Ctrl-R`).
        public var reloadName: String

        public init(reload: Key, save: Key, reloadName: String) {
            self.reload = reload
            self.save = save
            self.reloadName = reloadName
        }
    }

    public static func run(
        open: (String) throws -> ScreenDriver, store: @escaping (String) throws -> any Store, keys: Keys,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let ops = try store("ops")
        try SmallProvince.seed(ops)
        try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Bimtek Arsip"))
        for login in ["ani", "budi"] { try ops.saveAccount(Account(login: login, role: .admin, units: ["ROOT"])) }
        let ani = try open("ani")
        let budi = try open("budi")
        for admin in [ani, budi] {
            admin.type("/Budi\n")  // the employee's page, the course selected
            admin.press(.enter)  // its edit form
            #expect(admin.flat.contains("Ubah Diklat/Kursus"), "\(admin.text())", sourceLocation: sourceLocation)
        }
        // Ani: a new name (Tab from Jenis to Nama: Tingkat is skipped) and JP 30 (four Tabs on).
        ani.type("\tBimtek Kearsipan\t\t\t\t30")
        ani.press(keys.save)
        #expect(ani.flat.contains("Tersimpan"), "\(ani.text())", sourceLocation: sourceLocation)
        // Budi: JP 24 and a certificate number, typed over what he first saw.
        budi.type("\t\t\t\t\t24\tNS/BUDI/2")
        budi.press(keys.save)
        let refused = budi.flat
        #expect(refused.contains("Tidak disimpan: data ini sudah diubah atau dihapus oleh ani"), "\(budi.text())", sourceLocation: sourceLocation)
        #expect(refused.contains("\(keys.reloadName): muat data terbaru dengan isian Anda"), sourceLocation: sourceLocation)
        let courses = { try store("ops").records(nip: SmallProvince.nipB)?.diklat.map(\.value) ?? [] }
        #expect(try courses().map { "\($0.nama) \($0.jp) \($0.nomorSertifikat)" } == ["Bimtek Kearsipan 30 "], sourceLocation: sourceLocation)

        budi.press(keys.reload)
        let reloaded = budi.flat
        #expect(reloaded.contains("Dimuat ulang. Diubah oleh ani (tanda *): Nama kegiatan."), "\(budi.text())", sourceLocation: sourceLocation)
        #expect(reloaded.contains("Isian Anda tetap: Nomor sertifikat."), sourceLocation: sourceLocation)
        #expect(reloaded.contains("Sama-sama diubah, isian Anda dipakai: JP (jam pelajaran) (ani: 30)."), sourceLocation: sourceLocation)
        #expect(reloaded.contains("Belum tersimpan"), sourceLocation: sourceLocation)
        let lines = budi.text().split(separator: "\n").map(String.init)
        let nama = lines.first { $0.contains("Nama kegiatan") } ?? ""
        let jp = lines.first { $0.contains("JP (jam pelajaran)") } ?? ""
        let nomor = lines.first { $0.contains("Nomor sertifikat") } ?? ""
        #expect(nama.contains("Bimtek Kearsipan") && nama.hasSuffix("*"), "Ani's name, marked: \(nama)", sourceLocation: sourceLocation)
        #expect(jp.contains("24") && jp.hasSuffix("*"), "Budi's JP kept, marked as changed by both: \(jp)", sourceLocation: sourceLocation)
        #expect(nomor.contains("NS/BUDI/2") && !nomor.hasSuffix("*"), "\(nomor)", sourceLocation: sourceLocation)
        #expect(try courses().map { "\($0.nama) \($0.jp) \($0.nomorSertifikat)" } == ["Bimtek Kearsipan 30 "], "nothing saved by the reload", sourceLocation: sourceLocation)

        budi.press(keys.save)
        #expect(budi.flat.contains("Tersimpan"), "\(budi.text())", sourceLocation: sourceLocation)
        #expect(
            try courses().map { "\($0.nama) \($0.jp) \($0.nomorSertifikat)" } == ["Bimtek Kearsipan 24 NS/BUDI/2"],
            "Ani's name and Budi's JP and number", sourceLocation: sourceLocation)
    }
}
