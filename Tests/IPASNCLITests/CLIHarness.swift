import Foundation
import IPASNTestSupport
import Testing

/// Runs the built `ipasn` binary as a subprocess against a private database and home.
struct CLI {
    let directory: URL
    var database: URL { directory.appendingPathComponent("ipasn.sqlite") }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private let temporary: TemporaryDirectory

    init() throws {
        temporary = try TemporaryDirectory(prefix: "ipasn-cli")
        directory = temporary.url
    }

    func cleanUp() {
        temporary.remove()
    }

    /// The binary next to the test bundle, or in the package's build directories.
    static let binary: URL? = {
        var candidates: [URL] = []
        let bundleDir = Bundle.main.bundleURL.deletingLastPathComponent()
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("ipasn"))
        candidates.append(bundleDir.appendingPathComponent("ipasn"))
        if let arg0 = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: arg0).deletingLastPathComponent().appendingPathComponent("ipasn"))
        }
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("ipasn"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for scratch in [".build-cli", ".build"] {
            candidates.append(root.appendingPathComponent("\(scratch)/debug/ipasn"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Writes a file into the test directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Runs `ipasn --db <private db> args...` (set `db: false` to leave --db out).
    func run(_ args: [String], db: Bool = true, environment extra: [String: String] = [:]) throws -> Result {
        guard let binary = CLI.binary else {
            Issue.record("the ipasn binary was not found next to the tests; build it first (swift build)")
            return Result(status: -1, stdout: "", stderr: "")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = (db ? ["--db", database.path] : []) + args
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = directory.path
        env["USER"] = "cli-test"
        env.removeValue(forKey: "IPASN_DB")
        env.removeValue(forKey: "IPASN_LANG")
        for (k, v) in extra { env[k] = v }
        process.environment = env
        // Output goes to files (no pipe can fill up and block the child).
        let id = UUID().uuidString
        let outURL = directory.appendingPathComponent(".out-\(id)")
        let errURL = directory.appendingPathComponent(".err-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        return Result(
            status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// Runs and requires success.
    @discardableResult
    func ok(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let r = try run(args)
        #expect(r.status == 0, "ipasn \(args.joined(separator: " ")) failed: \(r.stderr)", sourceLocation: sourceLocation)
        return r
    }

    /// Parses stdout as a JSON array of objects.
    static func jsonArray(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [[String: Any]])
    }
}

/// The three worked examples of section 3 of the domain reference (bkn-2019, Y = 2024).
enum Fixture {
    static let nipA = "198609262015051001"  // fungsional, S-1 -> 85 Tinggi
    static let nipB = "199001012014022002"  // pelaksana, SLTA -> 60.5 Sangat Rendah
    static let nipC = "197503152000031003"  // administrator, S-2 -> 65 Rendah

    static let units = """
        kode,nama,induk
        PEMDA,Pemerintah Kabupaten Contoh,
        DINAS,Dinas Contoh,PEMDA
        DINAS.01,Bidang Contoh,DINAS

        """

    static let pegawai = """
        nip,nama,kode_unit,jenis_jabatan,jenjang,status
        \(nipA),"Ayu Lestari, S.Pd.",DINAS.01,fungsional,Guru Ahli Muda,pns
        \(nipB),Budi Santoso,DINAS.01,pelaksana,Pengadministrasi Umum,pns
        \(nipC),"Citra Dewi, S.E., M.M.",DINAS,struktural,administrator,pns

        """

    /// Semicolon-separated with day-first dates, as Excel writes it.
    static let pendidikan = """
        nip;tingkat;tanggal_lulus;nama_sekolah;jurusan
        \(nipA);S1;20-08-2009;Universitas Negeri Semarang;Pendidikan Matematika
        \(nipB);SLTA;15/06/2008;SMA Negeri 1;IPS
        \(nipC);S2;01-09-2005;Universitas Diponegoro;Manajemen

        """

    static let diklat = """
        nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan
        \(nipA),2,,Diklat Fungsional Guru,LPMP,2019-03-01,2019-03-10,60,DF/1/2019,Y
        \(nipA),3,,Pelatihan Kurikulum Merdeka,BBGP,2024-02-05,2024-02-07,24,,Y
        \(nipA),9,,Seminar Pendidikan,BBGP,2023-05-10,2023-05-10,4,,Y
        \(nipB),3,,Pelatihan Arsip,BKPSDM,2024-03-04,2024-03-05,12,,Y
        \(nipB),16,,E-Learning Etika Publik,LAN,2024-04-01,2024-04-01,8,,Y
        \(nipC),8,,Bimtek Penyusunan SKP,BKPSDM,2024-06-03,2024-06-05,20,,Y
        \(nipC),7,,Sosialisasi Disiplin PNS,BKPSDM,2024-07-01,2024-07-01,3,,Y

        """

    static let skp = """
        nip,tahun,predikat,nilai
        \(nipA),2024,baik,
        \(nipB),2024,sangat_baik,
        \(nipC),2024,cukup,

        """

    static let disiplin = """
        nip,tingkat,tmt,jenis
        \(nipB),ringan,2024-09-02,teguran lisan

        """

    /// Imports all six files into the CLI's database.
    static func load(into cli: CLI) throws {
        for (kind, text) in [
            ("units", units), ("pegawai", pegawai), ("pendidikan", pendidikan), ("diklat", diklat), ("skp", skp),
            ("disiplin", disiplin),
        ] {
            let file = try cli.write("\(kind).csv", text)
            try cli.ok(["import", kind, file])
        }
    }
}
