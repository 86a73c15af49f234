import Foundation
import IPASNCore

/// A realistic, deterministic sample regency: a unit tree, employees with valid NIPs, and
/// five years of pendidikan, diklat, SKP and disiplin records.
///
/// Everything is a pure function of `(seed, pegawai, today)`: each employee's data comes
/// from generators derived from the seed and the employee's index, so every kind of row can
/// be streamed on its own, employee by employee, without holding the sample in memory.
/// Only the NIPs (8 bytes per employee) are kept, to make them unique.
///
/// Every date is on or before `today`, so the sample passes validation on that day.
public struct DemoGenerator: Sendable {
    public let seed: UInt64
    public let pegawaiCount: Int
    public let today: LocalDate

    /// The unit tree, in tree order (root, then each perangkat daerah followed by its sub-units).
    public let unitList: [OrgUnit]
    let unitInfo: [UnitInfo]
    /// For each perangkat daerah (by position), the indices in `unitInfo` of its units (itself first).
    let perangkatUnits: [[Int]]
    let perangkatTable: WeightedTable<Int>
    /// Each employee's NIP as a number (unique).
    let nips: [UInt64]

    struct UnitInfo: Sendable {
        let kode: String
        let depth: Int
        let domain: DemoVocabulary.Domain
    }

    /// - Parameters:
    ///   - seed: any number; the same seed gives the same sample.
    ///   - pegawai: how many employees (about 300 units at 50,000, fewer for smaller samples).
    ///   - today: the last day any record may carry (inject the clock's today).
    public init(seed: UInt64 = 1, pegawai: Int, today: LocalDate) {
        self.seed = seed
        self.pegawaiCount = max(0, pegawai)
        self.today = today
        let (units, info, perangkat) = DemoGenerator.makeUnits(pegawai: max(0, pegawai))
        unitList = units
        unitInfo = info
        perangkatUnits = perangkat
        perangkatTable = WeightedTable(
            perangkat.indices.map { ($0, DemoVocabulary.perangkat[$0].weight) })
        // NIPs: each employee's identity, then the sequence number bumped until unique.
        var seen = Set<UInt64>(minimumCapacity: max(0, pegawai))
        var nips: [UInt64] = []
        nips.reserveCapacity(max(0, pegawai))
        let shell = DemoGenerator(
            seed: seed, pegawaiCount: max(0, pegawai), today: today, unitList: units, unitInfo: info,
            perangkatUnits: perangkat, perangkatTable: WeightedTable(perangkat.indices.map { ($0, DemoVocabulary.perangkat[$0].weight) }),
            nips: [])
        for index in 0..<max(0, pegawai) {
            let p = shell.profile(index)
            var nip = p.nipNumber
            // The last three digits are the sequence (001-999): move within them.
            while seen.contains(nip) {
                let sequence = nip % 1000
                nip = nip - sequence + (sequence % 999) + 1
            }
            seen.insert(nip)
            nips.append(nip)
        }
        self.nips = nips
    }

    private init(
        seed: UInt64, pegawaiCount: Int, today: LocalDate, unitList: [OrgUnit], unitInfo: [UnitInfo],
        perangkatUnits: [[Int]], perangkatTable: WeightedTable<Int>, nips: [UInt64]
    ) {
        self.seed = seed
        self.pegawaiCount = pegawaiCount
        self.today = today
        self.unitList = unitList
        self.unitInfo = unitInfo
        self.perangkatUnits = perangkatUnits
        self.perangkatTable = perangkatTable
        self.nips = nips
    }

    // MARK: - Public API

    /// The unit tree, parents before children.
    public func units() -> [OrgUnit] { unitList }

    /// The employee at `index` (0 ..< pegawaiCount).
    public func pegawai(_ index: Int) -> Pegawai {
        let p = profile(index)
        var rng = SplitMix64(seed: seed, UInt64(index), Salt.name)
        let nama = name(p, &rng)
        let jenjang: String
        switch p.jabatan {
        case .struktural: jenjang = p.struktural!.rawValue
        case .fungsional:
            jenjang = rng.pick(DemoVocabulary.fungsionalPosts[p.domain] ?? DemoVocabulary.fungsionalPosts[.umum]!)
        case .pelaksana: jenjang = rng.pick(DemoVocabulary.pelaksanaPosts)
        }
        return Pegawai(
            nip: nipText(index), nama: nama, kodeUnit: unitInfo[p.unit].kode, jenisJabatan: p.jabatan,
            jenjang: jenjang, status: p.status)
    }

    /// Everything on file for the employee at `index`.
    public func records(_ index: Int) -> EmployeeRecords {
        EmployeeRecords(
            pegawai: pegawai(index), pendidikan: pendidikan(index), diklat: diklat(index), skp: skp(index),
            disiplin: disiplin(index))
    }

    /// The employee's NIP (18 digits).
    public func nipText(_ index: Int) -> String {
        let digits = String(nips[index])
        return String(repeating: "0", count: max(0, 18 - digits.count)) + digits
    }

    /// The records of one kind for the employee at `index`.
    public func records(_ kind: RecordKind, _ index: Int) -> [Record] {
        switch kind {
        case .pendidikan: return pendidikan(index).map(Record.pendidikan)
        case .diklat: return diklat(index).map(Record.diklat)
        case .skp: return skp(index).map(Record.skp)
        case .disiplin: return disiplin(index).map(Record.disiplin)
        }
    }

    // MARK: - Units

    static func makeUnits(pegawai: Int) -> ([OrgUnit], [UnitInfo], [[Int]]) {
        let perangkatCount = min(DemoVocabulary.perangkat.count, max(3, pegawai / 400))
        let perPerangkat = min(12, max(1, Int((Double(pegawai) / Double(perangkatCount * 190)).rounded())))
        var units: [OrgUnit] = []
        var info: [UnitInfo] = []
        var groups: [[Int]] = []
        let root = "PEMKAB"
        units.append(OrgUnit(kode: root, nama: "Pemerintah Kabupaten \(DemoVocabulary.regency)", induk: nil))
        info.append(UnitInfo(kode: root, depth: 0, domain: .umum))
        for p in DemoVocabulary.perangkat.prefix(perangkatCount) {
            var group = [units.count]
            units.append(OrgUnit(kode: p.kode, nama: p.nama, induk: root))
            info.append(UnitInfo(kode: p.kode, depth: 1, domain: p.domain))
            // About half the sub-units are bidang, the rest seksi under them.
            let bidangCount = min(p.bidang.count, max(1, (perPerangkat + 1) / 2))
            let seksiCount = max(0, perPerangkat - bidangCount)
            var bidangCodes: [(String, String)] = []
            for b in 0..<bidangCount {
                let kode = "\(p.kode).\(pad2(b + 1))"
                units.append(OrgUnit(kode: kode, nama: p.bidang[b], induk: p.kode))
                info.append(UnitInfo(kode: kode, depth: 2, domain: p.domain))
                group.append(units.count - 1)
                bidangCodes.append((kode, p.bidang[b]))
            }
            for s in 0..<seksiCount {
                let (parent, parentName) = bidangCodes[s % bidangCodes.count]
                let number = s / bidangCodes.count + 1
                let kode = "\(parent).\(number)"
                let topic = parentName.split(separator: " ").dropFirst().joined(separator: " ")
                let prefix = DemoVocabulary.seksiPrefixes[(number - 1) % DemoVocabulary.seksiPrefixes.count]
                units.append(OrgUnit(kode: kode, nama: topic.isEmpty ? prefix : "\(prefix) \(topic)", induk: parent))
                info.append(UnitInfo(kode: kode, depth: 3, domain: p.domain))
                group.append(units.count - 1)
            }
            groups.append(group)
        }
        // Tree order: each unit before its children, siblings by kode (as reports list them).
        var indexOf: [String: Int] = [:]
        for (i, u) in units.enumerated() { indexOf[u.kode] = i }
        let order = UnitTree(units).units.map { indexOf[$0.kode]! }
        var newIndex = [Int](repeating: 0, count: units.count)
        for (position, old) in order.enumerated() { newIndex[old] = position }
        return (order.map { units[$0] }, order.map { info[$0] }, groups.map { $0.map { newIndex[$0] } })
    }

    // MARK: - Employee profile

    enum Salt {
        static let profile: UInt64 = 1
        static let name: UInt64 = 2
        static let pendidikan: UInt64 = 3
        static let diklat: UInt64 = 4
        static let skp: UInt64 = 5
        static let disiplin: UInt64 = 6
    }

    /// What decides an employee's records: identity, unit, post, education.
    struct Profile {
        var male: Bool
        var status: StatusPegawai
        var birth: LocalDate
        /// TMT CPNS (PNS) or 1 January of the appointment year (PPPK).
        var tmt: LocalDate
        var pppkPeriod: Int
        var sequence: Int
        var unit: Int
        var domain: DemoVocabulary.Domain
        var jabatan: JenisJabatan
        var struktural: JenjangStruktural?
        /// The highest education, nil for the few with none on record.
        var education: EducationLevel?

        var nipNumber: UInt64 {
            let b = UInt64(birth.year * 10000 + birth.month * 100 + birth.day)
            let middle: UInt64
            switch status {
            case .pns: middle = UInt64(tmt.year * 100 + tmt.month)
            case .pppk: middle = UInt64(tmt.year * 100 + 20 + pppkPeriod)
            }
            return ((b * 1_000_000 + middle) * 10 + (male ? 1 : 2)) * 1000 + UInt64(sequence)
        }
    }

    func profile(_ index: Int) -> Profile {
        var rng = SplitMix64(seed: seed, UInt64(index), Salt.profile)
        // Unit: a perangkat daerah by weight, then a unit inside it; a few at the root.
        let unit: Int
        if rng.chance(0.003) || perangkatUnits.isEmpty {
            unit = 0
        } else {
            let group = perangkatUnits[perangkatTable.pick(&rng)]
            unit = rng.chance(0.3) ? group[0] : group[rng.below(group.count)]
        }
        let info = unitInfo[unit]
        let domain = info.domain

        // Post.
        let jabatan: JenisJabatan
        let r = rng.unit()
        let fungsionalShare: Double
        switch domain {
        case .pendidikan: fungsionalShare = 0.65
        case .kesehatan: fungsionalShare = 0.56
        case .pengawasan, .pertanian: fungsionalShare = 0.45
        default: fungsionalShare = 0.14
        }
        if r < 0.05 {
            jabatan = .struktural
        } else if r < 0.05 + fungsionalShare * 0.95 {
            jabatan = .fungsional
        } else {
            jabatan = .pelaksana
        }
        var struktural: JenjangStruktural?
        if jabatan == .struktural {
            let x = rng.unit()
            switch info.depth {
            case 0: struktural = x < 0.15 ? .jptPratama : .administrator
            case 1: struktural = x < 0.06 ? .jptPratama : (x < 0.45 ? .administrator : .pengawas)
            case 2: struktural = x < 0.3 ? .administrator : .pengawas
            default: struktural = .pengawas
            }
        }

        // Status: PPPK for some fungsional (teachers, nurses) and a few pelaksana.
        let pppk = (jabatan == .fungsional && rng.chance(0.22)) || (jabatan == .pelaksana && rng.chance(0.08))
        let status: StatusPegawai = pppk ? .pppk : .pns
        let male = rng.chance(domain == .kesehatan || domain == .pendidikan ? 0.38 : 0.58)

        // Birth date and TMT; TMT is always after the 19th birthday and not after today.
        let minAge = struktural == nil ? 22 : (struktural == .pengawas ? 30 : 38)
        let age = rng.int(minAge...57)
        let birthYear = today.year - age
        let birth = randomDate(in: birthYear, &rng, notAfter: today)
        var tmt: LocalDate
        var period = 1
        switch status {
        case .pns:
            let earliest = birthYear + 19
            let latest = min(today.year, birthYear + (struktural == nil ? 40 : age - 6))
            let year = latest > earliest ? earliest + rng.below(min(latest - earliest + 1, 18)) : earliest
            let maxMonth = year == today.year ? today.month : 12
            tmt = LocalDate(year: min(year, today.year), month: rng.int(1...maxMonth), day: 1)!
        case .pppk:
            let first = max(2019, birthYear + 19)
            let year = first >= today.year ? today.year : rng.int(first...today.year)
            tmt = LocalDate(year: year, month: 1, day: 1)!
            period = year == 2019 ? 1 : rng.int(1...3)
        }
        if tmt > today { tmt = LocalDate(year: today.year, month: today.month, day: 1)! }

        // Highest education, by post and domain.
        let education: EducationLevel?
        if rng.chance(0.012) {
            education = nil
        } else {
            education = DemoGenerator.educationTable(jabatan: jabatan, domain: domain).pick(&rng)
        }
        return Profile(
            male: male, status: status, birth: birth, tmt: tmt, pppkPeriod: period, sequence: 1 + rng.below(40),
            unit: unit, domain: domain, jabatan: jabatan, struktural: struktural, education: education)
    }

    static let educationStruktural = WeightedTable<EducationLevel>([(.d4, 3), (.s1, 45), (.s2, 49), (.s3, 3)])
    static let educationGuru = WeightedTable<EducationLevel>([(.s1, 82), (.s2, 15), (.d4, 2), (.d3, 1)])
    static let educationNakes = WeightedTable<EducationLevel>([
        (.d3, 36), (.d4, 10), (.s1, 22), (.profesi, 20), (.s2, 7), (.spesialis, 4), (.subspesialis, 1),
    ])
    static let educationFungsional = WeightedTable<EducationLevel>([(.d3, 14), (.d4, 5), (.s1, 60), (.s2, 19), (.s3, 2)])
    static let educationPelaksana = WeightedTable<EducationLevel>([
        (.sd, 2), (.sltp, 4), (.slta, 24), (.sltaKejuruan, 6), (.d1, 1), (.d2, 1), (.d3, 16), (.d4, 4), (.s1, 39), (.s2, 3),
    ])

    static func educationTable(jabatan: JenisJabatan, domain: DemoVocabulary.Domain) -> WeightedTable<EducationLevel> {
        switch jabatan {
        case .struktural: return educationStruktural
        case .pelaksana: return educationPelaksana
        case .fungsional:
            switch domain {
            case .pendidikan: return educationGuru
            case .kesehatan: return educationNakes
            default: return educationFungsional
            }
        }
    }

    // MARK: - Names

    static let ethnicityTable = WeightedTable(DemoVocabulary.ethnicityWeights)

    func name(_ p: Profile, _ rng: inout SplitMix64) -> String {
        let ethnicity = DemoGenerator.ethnicityTable.pick(&rng)
        let pool = DemoVocabulary.pools[ethnicity]!
        var first = rng.pick(p.male ? pool.male : pool.female)
        var core: String
        switch ethnicity {
        case .bali:
            first = (p.male ? "I " : "Ni ") + (!p.male && rng.chance(0.3) ? first.replacingOccurrences(of: "Putu ", with: "Luh ") : first)
            core = "\(first) \(rng.pick(pool.last))"
        case .batak:
            core = "\(first) \(rng.pick(pool.last))"
        case .bugis:
            if first == "Andi" { first = "Andi " + rng.pick(p.male ? ["Baso", "Amir", "Rahman", "Tenri"] : ["Tenri", "Nurul", "Besse", "Fatimah"]) }
            core = rng.chance(0.25) ? first : "\(first) \(rng.pick(pool.last))"
        case .jawa:
            core = rng.chance(0.15) ? first : "\(first) \(rng.pick(pool.last))"
        default:
            core = "\(first) \(rng.pick(pool.last))"
        }
        // Titles: the degree after the name, dr./Ir./Drs./Hj. before it, as admins type them.
        var prefix = ""
        var suffix: [String] = []
        let age = today.year - p.birth.year
        if age > 45 && rng.chance(0.08) { prefix = p.male ? "H. " : "Hj. " }
        if let level = p.education, rng.chance(0.88) {
            let s1 = DemoGenerator.bachelorTitle(p.domain, p.jabatan, &rng)
            switch level {
            case .d3: suffix = [p.domain == .kesehatan ? rng.pick(["A.Md.Kep.", "A.Md.Keb.", "A.Md.Kes."]) : "A.Md."]
            case .d4: suffix = [p.domain == .kesehatan ? "S.Tr.Kes." : "S.Tr.Sos."]
            case .s1:
                if age > 55 && rng.chance(0.3) && (p.domain == .teknik || p.domain == .pertanian) {
                    prefix += "Ir. "
                } else if age > 55 && rng.chance(0.2) {
                    prefix += p.male ? "Drs. " : "Dra. "
                } else {
                    suffix = [s1]
                }
            case .profesi:
                if p.domain == .kesehatan, rng.chance(0.6) { prefix += "dr. " } else { suffix = [rng.pick(["S.Kep., Ners", "apt., S.Farm.", "S.Ked."])] }
            case .s2: suffix = [s1, DemoGenerator.masterTitle(p.domain, &rng)]
            case .s3:
                prefix += "Dr. "
                suffix = [s1, DemoGenerator.masterTitle(p.domain, &rng)]
            case .spesialis, .subspesialis:
                prefix += "dr. "
                suffix = [rng.pick(["Sp.PD.", "Sp.A.", "Sp.OG.", "Sp.B.", "Sp.An.", "Sp.Rad."]) + (level == .subspesialis ? " Subsp." : "")]
            default: break
            }
        }
        core = prefix + core
        return suffix.isEmpty ? core : core + ", " + suffix.joined(separator: ", ")
    }

    static func bachelorTitle(_ domain: DemoVocabulary.Domain, _ jabatan: JenisJabatan, _ rng: inout SplitMix64) -> String {
        switch domain {
        case .pendidikan: return jabatan == .fungsional ? "S.Pd." : rng.pick(["S.Pd.", "S.Sos.", "S.E."])
        case .kesehatan: return rng.pick(["S.Kep.", "S.K.M.", "S.Farm.", "S.Gz."])
        case .teknik: return rng.pick(["S.T.", "S.T.", "S.Ars."])
        case .pertanian: return rng.pick(["S.P.", "S.Pt.", "S.Pi."])
        case .pengawasan, .keuangan: return rng.pick(["S.E.", "S.Ak.", "S.H."])
        case .kepegawaian: return rng.pick(["S.Sos.", "S.Psi.", "S.AP.", "S.H."])
        case .ketertiban: return rng.pick(["S.H.", "S.Sos.", "S.IP."])
        case .kewilayahan, .umum: return rng.pick(["S.Sos.", "S.IP.", "S.E.", "S.Kom.", "S.H.", "S.AP.", "S.STP."])
        }
    }

    static func masterTitle(_ domain: DemoVocabulary.Domain, _ rng: inout SplitMix64) -> String {
        switch domain {
        case .pendidikan: return rng.pick(["M.Pd.", "M.Pd."])
        case .kesehatan: return rng.pick(["M.Kes.", "M.K.M."])
        case .teknik: return "M.T."
        default: return rng.pick(["M.Si.", "M.M.", "M.AP.", "M.H."])
        }
    }

    // MARK: - Records

    func pendidikan(_ index: Int) -> [Pendidikan] {
        let p = profile(index)
        guard let highest = p.education else { return [] }
        var rng = SplitMix64(seed: seed, UInt64(index), Salt.pendidikan)
        let nip = nipText(index)
        // The path to the highest level, with the usual graduation ages.
        var path: [(EducationLevel, Int)] = []
        switch highest {
        case .sd: path = [(.sd, 12)]
        case .sltp, .sltpKejuruan: path = [(.sd, 12), (highest, 15)]
        case .slta, .sltaKejuruan, .sltaKeguruan: path = [(.sltp, 15), (highest, 18)]
        case .d1: path = [(.slta, 18), (.d1, 19)]
        case .d2: path = [(.slta, 18), (.d2, 20)]
        case .d3: path = [(.slta, 18), (.d3, 21)]
        case .d4: path = [(.slta, 18), (.d4, 22)]
        case .s1: path = [(.slta, 18), (.s1, 22 + rng.below(3))]
        case .profesi: path = [(.slta, 18), (.s1, 22), (.profesi, 24)]
        case .s2: path = [(.slta, 18), (.s1, 22 + rng.below(2)), (.s2, 27 + rng.below(12))]
        case .s3: path = [(.slta, 18), (.s1, 22), (.s2, 27 + rng.below(5)), (.s3, 34 + rng.below(10))]
        case .spesialis: path = [(.slta, 18), (.s1, 22), (.profesi, 24), (.spesialis, 30 + rng.below(6))]
        case .subspesialis:
            path = [(.slta, 18), (.s1, 22), (.profesi, 24), (.spesialis, 30), (.subspesialis, 35 + rng.below(4))]
        }
        // Many riwayat hold only the last level or two; the highest is always there.
        if path.count > 1 && rng.chance(0.45) { path.removeFirst() }
        var result: [Pendidikan] = []
        var previous = p.birth
        for (level, age) in path {
            var year = p.birth.year + age
            if year > today.year - 1 { year = max(previous.year, today.year - 1) }
            var date = LocalDate(year: year, month: rng.int(6...8), day: rng.int(1...28))!
            if date <= previous { date = previous.adding(years: 1) }
            if date > today { date = today }
            previous = date
            let school = DemoGenerator.school(level, p.domain, &rng)
            let jurusan = level >= .d1 && level != .sltaKejuruan ? rng.pick(DemoVocabulary.majors[p.domain]!) : (level == .sltaKejuruan ? "Akuntansi" : (level >= .slta ? rng.pick(["IPA", "IPS"]) : ""))
            // A few graduation dates were never entered.
            let lulus: LocalDate? = rng.chance(0.03) ? nil : date
            result.append(Pendidikan(nip: nip, tingkat: level, tanggalLulus: lulus, namaSekolah: school, jurusan: jurusan))
        }
        return result
    }

    static func school(_ level: EducationLevel, _ domain: DemoVocabulary.Domain, _ rng: inout SplitMix64) -> String {
        switch level {
        case .sd: return rng.pick(DemoVocabulary.schoolsByLevel["SD"]!)
        case .sltp, .sltpKejuruan: return rng.pick(DemoVocabulary.schoolsByLevel["SLTP"]!)
        case .slta, .sltaKejuruan, .sltaKeguruan: return rng.pick(DemoVocabulary.schoolsByLevel["SLTA"]!)
        case .d1, .d2, .d3, .d4: return rng.pick(DemoVocabulary.schoolsByLevel["D"]!)
        default: return rng.pick(DemoVocabulary.schoolsByLevel["S"]!)
        }
    }

    /// Jenis diklat by SIASN id with their shares of the records.
    static let jenisTable = WeightedTable<Int>([
        (3, 17), (8, 12), (16, 13), (17, 4), (5, 3), (13, 2), (12, 1), (6, 1),  // teknis group
        (9, 13), (4, 10), (7, 13), (11, 3), (14, 2), (15, 2), (22, 2), (23, 1), (24, 1), (10, 0.5), (20, 0.5),  // seminar group
    ])
    static let teknisIDs: Set<Int> = [3, 5, 6, 8, 12, 13, 16, 17]

    /// Years of the five-year window, with the share of records each gets (the current year
    /// by the part of it already past).
    func yearWeights() -> [(Int, Double)] {
        let dayOfYear = Double((today.month - 1) * 30 + today.day) / 365.0
        return (0..<5).map { offset in
            let year = today.year - 4 + offset
            return (year, offset == 4 ? max(0.05, dayOfYear) : 1.0)
        }
    }

    func diklat(_ index: Int) -> [Diklat] {
        let p = profile(index)
        var rng = SplitMix64(seed: seed, UInt64(index), Salt.diklat)
        let nip = nipText(index)
        var result: [Diklat] = []
        var keys = Set<String>()

        func add(_ d: Diklat) {
            let key = DuplicateKey.of(.diklat(d))
            if keys.insert(key).inserted { result.append(d) }
        }

        // How active the employee is: a few hardly ever train, most do regularly.
        let tier = rng.unit()
        let count = tier < 0.12 ? rng.int(0...4) : (tier < 0.62 ? rng.int(10...26) : rng.int(24...42))
        let years = yearWeights()
        let yearTable = WeightedTable(years)
        let teknisPool = DemoVocabulary.teknisCourses + (DemoVocabulary.teknisByDomain[p.domain] ?? [])
        let organisers = DemoVocabulary.organisers + (DemoVocabulary.organisersByDomain[p.domain] ?? [])
        for _ in 0..<count {
            let jenisID = DemoGenerator.jenisTable.pick(&rng)
            let year = yearTable.pick(&rng)
            let (nama, jpRange) = DemoGenerator.course(jenisID, teknisPool, &rng)
            let jp = rng.int(jpRange)
            guard let (start, end) = dates(year: year, jp: jp, notBefore: p.tmt, &rng) else { continue }
            let certificate =
                rng.chance(0.6) ? "\(rng.int(100...899))/\(rng.int(1...9999))/\(rng.pick(["BKPSDM", "BPSDM", "LAN", "DIKLAT"]))/\(end.year)" : ""
            add(
                Diklat(
                    nip: nip, jenis: JenisDiklat.withID(jenisID)!, nama: nama, penyelenggara: rng.pick(organisers),
                    tanggalMulai: start, tanggalSelesai: end, jp: jp, nomorSertifikat: certificate))
        }

        // The 19-versus-20 JP edge: some employees' teknis JP in a year add up to just that.
        if rng.chance(0.05) {
            let year = rng.chance(0.5) ? today.year : today.year - 1
            let total = rng.chance(0.5) ? 19 : 20
            result.removeAll { DemoGenerator.teknisIDs.contains($0.jenis.id) && $0.tanggalSelesai.year == year }
            let first = rng.int(4...(total - 4))
            for (i, jp) in [first, total - first].enumerated() {
                if let (start, end) = dates(year: year, jp: jp, notBefore: p.tmt, &rng) {
                    add(
                        Diklat(
                            nip: nip, jenis: JenisDiklat.withID(i == 0 ? 3 : 16)!,
                            nama: i == 0 ? rng.pick(teknisPool) : rng.pick(DemoVocabulary.elearningCourses),
                            penyelenggara: rng.pick(organisers), tanggalMulai: start, tanggalSelesai: end, jp: jp))
                }
            }
        }

        // Diklat fungsional for most fungsional posts (older dates allowed), a few marked not matching.
        if p.jabatan == .fungsional && rng.chance(0.72) || p.jabatan != .fungsional && rng.chance(0.03) {
            let pool = DemoVocabulary.fungsionalCourses[p.domain] ?? DemoVocabulary.fungsionalGeneral
            let sesuai = !rng.chance(0.08)
            if let (start, end) = longCourse(days: rng.int(5...20), notBefore: p.tmt, &rng) {
                add(
                    Diklat(
                        nip: nip, jenis: .fungsional, nama: rng.pick(pool), penyelenggara: rng.pick(organisers),
                        tanggalMulai: start, tanggalSelesai: end, jp: rng.int(40...120),
                        nomorSertifikat: "DF/\(rng.int(1000...9999))/\(end.year)", sesuaiJabatan: sesuai))
            }
        }

        // Leadership courses: struktural mostly at or above their level.
        if let jenjang = p.struktural {
            let required: Int
            switch jenjang {
            case .pengawas: required = 1
            case .administrator: required = 2
            case .jptPratama: required = 3
            case .jptMadya, .jptUtama: required = 4
            }
            let x = rng.unit()
            let rank = x < 0.8 ? min(4, required + (rng.chance(0.15) ? 1 : 0)) : (x < 0.9 ? required - 1 : 0)
            if rank > 0, let (start, end) = longCourse(days: rng.int(30...90), notBefore: p.tmt.adding(years: 4), &rng) {
                let newNames = end.year >= 2019
                let level: LeadershipLevel
                switch rank {
                case 1: level = newNames ? .pkp : .pimIV
                case 2: level = newNames ? .pka : .pimIII
                case 3: level = newNames ? .pknII : .pimII
                default: level = newNames ? .pknI : .pimI
                }
                add(
                    Diklat(
                        nip: nip, jenis: .struktural, tingkat: level,
                        nama: newNames ? "Pelatihan Kepemimpinan \(["", "Pengawas", "Administrator", "Nasional Tingkat II", "Nasional Tingkat I"][rank])" : "Diklat Kepemimpinan Tingkat \(["", "IV", "III", "II", "I"][rank])",
                        penyelenggara: rank >= 3 ? "Lembaga Administrasi Negara" : "BPSDM Provinsi", tanggalMulai: start,
                        tanggalSelesai: end, jp: [0, 285, 378, 512, 600][rank],
                        nomorSertifikat: "PIM/\(rng.int(100...999))/\(end.year)"))
            }
        }
        return result
    }

    /// The course name and its JP range for a jenis.
    static func course(_ jenisID: Int, _ teknisPool: [String], _ rng: inout SplitMix64) -> (String, ClosedRange<Int>) {
        switch jenisID {
        case 3: return (rng.pick(teknisPool), 16...80)
        case 8: return (rng.pick(DemoVocabulary.bimtekCourses), 8...40)
        case 16: return (rng.pick(DemoVocabulary.elearningCourses), 2...20)
        case 17: return ("Pelatihan Jarak Jauh " + rng.pick(teknisPool).replacingOccurrences(of: "Pelatihan ", with: ""), 10...40)
        case 5: return (rng.pick(["Pelatihan Manajerial Perencanaan Kerja", "Pelatihan Kepemimpinan Tim", "Pelatihan Manajemen Perubahan"]), 16...40)
        case 13, 12, 6: return (rng.pick(teknisPool), 8...32)
        case 9: return (rng.pick(DemoVocabulary.seminarCourses), 2...8)
        case 4: return (rng.pick(DemoVocabulary.workshopCourses), 4...16)
        case 7: return (rng.pick(DemoVocabulary.sosialisasiCourses), 2...6)
        default: return (rng.pick(DemoVocabulary.otherSeminarCourses[jenisID] ?? DemoVocabulary.seminarCourses), 2...24)
        }
    }

    /// Start and end dates in `year` for a course of `jp` hours: never after today, never before `notBefore`.
    func dates(year: Int, jp: Int, notBefore: LocalDate, _ rng: inout SplitMix64) -> (LocalDate, LocalDate)? {
        let first = max(LocalDate(year: year, month: 1, day: 1)!, notBefore)
        let last = min(LocalDate.endOfYear(year), today)
        guard first <= last else { return nil }
        let end = DemoGenerator.date(between: first, and: last, &rng)
        let days = max(1, (jp + 7) / 8)
        var start = end
        for _ in 1..<days { start = DemoGenerator.dayBefore(start) }
        return (start, end)
    }

    /// A course of `days` days ending between `notBefore` (plus the course) and today.
    func longCourse(days: Int, notBefore: LocalDate, _ rng: inout SplitMix64) -> (LocalDate, LocalDate)? {
        guard notBefore < today else { return nil }
        let end = DemoGenerator.date(between: notBefore, and: today, &rng)
        var start = end
        for _ in 1..<max(1, days) { start = DemoGenerator.dayBefore(start) }
        return (start, end)
    }

    func skp(_ index: Int) -> [SKP] {
        let p = profile(index)
        var rng = SplitMix64(seed: seed, UInt64(index), Salt.skp)
        let nip = nipText(index)
        var result: [SKP] = []
        let firstYear = max(today.year - 4, p.tmt.year)
        guard firstYear <= today.year else { return [] }
        // A steady performer mostly keeps the same rating.
        let usual = rng.unit()
        for year in firstYear...today.year {
            if year == today.year && rng.chance(0.05) { continue }  // not entered yet: incomplete
            if year < today.year && rng.chance(0.01) { continue }
            let x = rng.chance(0.75) ? usual : rng.unit()
            let old = year < max(2022, today.year - 2)  // older years: PP 46/2011 names and numbers
            let predikat: Predikat
            if x < 0.22 {
                predikat = .sangatBaik
            } else if x < 0.92 {
                predikat = .baik
            } else if x < 0.98 {
                predikat = old ? .cukup : .butuhPerbaikan
            } else if x < 0.995 {
                predikat = .kurang
            } else {
                predikat = old ? .buruk : .sangatKurang
            }
            if old && rng.chance(0.55) {
                // PP 46/2011 number in the predikat's band; sometimes with the predikat too.
                let band: ClosedRange<Int>
                switch predikat {
                case .sangatBaik: band = 910...985
                case .baik: band = 760...909
                case .cukup: band = 610...759
                case .kurang: band = 510...609
                default: band = 400...509
                }
                let nilai = Double(rng.int(band)) / 10
                result.append(SKP(nip: nip, tahun: year, predikat: rng.chance(0.2) ? predikat : nil, nilai: nilai))
            } else {
                result.append(SKP(nip: nip, tahun: year, predikat: predikat))
            }
        }
        return result
    }

    func disiplin(_ index: Int) -> [HukumanDisiplin] {
        var rng = SplitMix64(seed: seed, UInt64(index), Salt.disiplin)
        // About six in a thousand employees were punished in the five years.
        guard rng.chance(0.006) else { return [] }
        let p = profile(index)
        let nip = nipText(index)
        var result: [HukumanDisiplin] = []
        let count = rng.chance(0.15) ? 2 : 1
        let start = max(LocalDate(year: today.year - 4, month: 1, day: 1)!, p.tmt)
        guard start <= today else { return [] }
        for _ in 0..<count {
            let tmt = DemoGenerator.date(between: start, and: today, &rng)
            let x = rng.unit()
            let (tingkat, jenis): (TingkatHukuman, String) =
                x < 0.6
                ? (.ringan, rng.pick(DemoVocabulary.hukumanRingan))
                : (x < 0.88 ? (.sedang, rng.pick(DemoVocabulary.hukumanSedang)) : (.berat, rng.pick(DemoVocabulary.hukumanBerat)))
            let record = HukumanDisiplin(nip: nip, tingkat: tingkat, tmt: tmt, jenis: jenis)
            if !result.contains(where: { DuplicateKey.of(.disiplin($0)) == DuplicateKey.of(.disiplin(record)) }) {
                result.append(record)
            }
        }
        return result
    }

    // MARK: - Dates

    func randomDate(in year: Int, _ rng: inout SplitMix64, notAfter: LocalDate) -> LocalDate {
        let month = rng.int(1...12)
        let day = rng.int(1...LocalDate.daysIn(month: month, year: year))
        let date = LocalDate(year: year, month: month, day: day)!
        return min(date, notAfter)
    }

    /// A date uniformly between two dates (inclusive).
    static func date(between a: LocalDate, and b: LocalDate, _ rng: inout SplitMix64) -> LocalDate {
        let da = dayNumber(a)
        let db = dayNumber(b)
        guard db > da else { return a }
        return fromDayNumber(da + rng.below(db - da + 1))
    }

    static func dayBefore(_ d: LocalDate) -> LocalDate {
        if d.day > 1 { return LocalDate(year: d.year, month: d.month, day: d.day - 1)! }
        if d.month > 1 {
            return LocalDate(year: d.year, month: d.month - 1, day: LocalDate.daysIn(month: d.month - 1, year: d.year))!
        }
        return LocalDate(year: d.year - 1, month: 12, day: 31)!
    }

    /// Days since 1 March of year 0 (civil calendar arithmetic).
    static func dayNumber(_ d: LocalDate) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = y / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe
    }

    static func fromDayNumber(_ n: Int) -> LocalDate {
        let era = n / 146097
        let doe = n - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return LocalDate(year: year, month: month, day: day)!
    }
}

func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
