import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

/// The shared test clock: 10 January 2025, 09:00 in Jakarta, after every date the tests type.
let fixedNow = TestClock.now
let testContext = TestClock.context()

let ayuNIP = "198609262015051001"
let budiNIP = "197001012000031002"

func day(_ text: String) -> LocalDate { TestClock.date(text) }

/// A small province: one dinas with a bidang, three employees. Ayu (fungsional) has
/// S-1 (15), a fungsional diklat in 2019 (15), a seminar in 2023 (10), SKP Baik 2024 (25),
/// no punishment (5): total 70, kompetensi 25.
func makeStore(path: String? = nil) throws -> SQLiteStore {
    let store = try path.map { try SQLiteStore(path: $0, context: testContext) } ?? SQLiteStore.inMemory(context: testContext)
    try store.setMeasurementYear(2024)
    try store.saveUnit(OrgUnit(kode: "BKPSDM", nama: "Badan Kepegawaian dan Pengembangan SDM"))
    try store.saveUnit(OrgUnit(kode: "BKPSDM.1", nama: "Bidang Pengembangan", induk: "BKPSDM"))
    try store.savePegawai(Pegawai(nip: ayuNIP, nama: "Ni Ketut Ayu Lestari", kodeUnit: "BKPSDM.1", jenisJabatan: .fungsional, jenjang: "Analis SDM Aparatur Ahli Muda"))
    try store.savePegawai(Pegawai(nip: budiNIP, nama: "Budi Santoso", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana))
    try store.savePegawai(Pegawai(nip: "199001012019032003", nama: "Siti Rahma", kodeUnit: "BKPSDM.1", jenisJabatan: .pelaksana))
    try store.add(.pendidikan(Pendidikan(nip: ayuNIP, tingkat: .s1, tanggalLulus: day("2008-08-30"), namaSekolah: "Universitas Udayana")))
    try store.add(.diklat(Diklat(nip: ayuNIP, jenis: .fungsional, nama: "Diklat Fungsional Analis", tanggalMulai: day("2019-03-01"), tanggalSelesai: day("2019-03-20"), jp: 60)))
    try store.add(.diklat(Diklat(nip: ayuNIP, jenis: JenisDiklat.withID(9)!, nama: "Seminar Manajemen ASN", tanggalMulai: day("2023-05-10"), tanggalSelesai: day("2023-05-10"), jp: 8)))
    try store.add(.skp(SKP(nip: ayuNIP, tahun: 2024, predikat: .baik)))
    try store.add(.pendidikan(Pendidikan(nip: budiNIP, tingkat: .slta)))
    return store
}

/// Runs a workstation over scripted input and returns the screen (the loop ends when the
/// script runs out: the virtual screen then sends SIGTERM). Every checkpoint queued by the
/// script must have been reached.
@discardableResult
func run(
    _ store: Store, size: Size = Size(width: 80, height: 24), language: Language = .id,
    sourceLocation: SourceLocation = #_sourceLocation, script: (VirtualScreen) -> Void
) throws -> VirtualScreen {
    let screen = VirtualScreen(size: size)
    script(screen)
    let station = try Workstation(store: store, screen: screen, language: language, context: testContext)
    try station.run()
    screen.expectEveryCheckpointReached(sourceLocation: sourceLocation)
    return screen
}

extension VirtualScreen {
    /// The frame shown after the n-th event (frame 0 is before any input).
    func frame(_ index: Int) -> String { frames[index].text }

    /// Whether any frame so far shows `text`.
    func everShowed(_ text: String) -> Bool { frames.contains { $0.text.contains(text) } }

    /// The first line of the last frame containing `text`.
    func line(containing text: String) -> String? {
        lastFrame?.lines().first { $0.contains(text) }
    }

    /// Presses the primary key the standard keymap binds to `command` (in `context`, when
    /// the command has other keys elsewhere), so a script names what the admin does.
    func press(_ command: Command, in context: KeyContext? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        press(command, sourceLocation: sourceLocation) { Keymap.standard.keys(for: $0, in: context).first }
    }

    /// Opens Ayu's page: search for "Ayu", open the only match.
    func openAyu() {
        press(.search, in: .units)
        enqueue(text: "Ayu")
        press(.open, in: .search)
    }
}
