import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
@testable import IPASNWorkstation

/// 10 January 2025, 09:00 in Jakarta: after every date the tests type.
let fixedNow = Date(timeIntervalSince1970: 1_736_474_400)
let jakarta = TimeZone(identifier: "Asia/Jakarta")!
let testContext = StoreContext(actor: "test", now: { fixedNow }, timeZone: jakarta)

let ayuNIP = "198609262015051001"
let budiNIP = "197001012000031002"

func day(_ text: String) -> LocalDate { LocalDate.parse(text)! }

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
/// script runs out: the virtual screen then sends SIGTERM).
@discardableResult
func run(
    _ store: Store, size: Size = Size(width: 80, height: 24), language: Language = .id,
    script: (VirtualScreen) -> Void
) throws -> VirtualScreen {
    let screen = VirtualScreen(size: size)
    script(screen)
    let station = try Workstation(store: store, screen: screen, language: language, context: testContext)
    try station.run()
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

    /// Opens Ayu's page from the unit list: Down to Bidang Pengembangan, Enter, Enter.
    func openAyu() {
        enqueue(text: "/")
        enqueue(text: "Ayu")
        enqueue(.enter)
    }
}

/// A virtual screen whose size changes when a queued `.resize` event is read (the
/// `VirtualScreen` changes size as soon as the resize is queued).
final class ResizingScreen: Screen {
    private(set) var size: Size
    var supportsColor = true
    private var queue: [InputEvent] = []
    private(set) var frames: [CellGrid] = []

    init(size: Size) { self.size = size }

    func enqueue(text: String) {
        for c in text {
            switch c {
            case "\n": queue.append(.key(.enter))
            case "\t": queue.append(.key(.tab))
            default: queue.append(.key(.char(c)))
            }
        }
    }
    func enqueue(event: InputEvent) { queue.append(event) }
    var pendingEventCount: Int { queue.count }
    var text: String { frames.last?.text ?? "" }
    var lastFrame: CellGrid? { frames.last }
    func frame(_ index: Int) -> String { frames[index].text }
    func present(_ grid: CellGrid) { frames.append(grid) }
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent {
        guard !queue.isEmpty else { return .signal(.terminate) }
        let event = queue.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }
}
