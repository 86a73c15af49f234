import IPASNCore

/// SIASN's coded values and how they map to ipasn's model, both ways
/// (`docs/data-formats.md`, *SIASN shapes*; `../shared/docs/ipasn-rules.md` section 5).
public enum SIASNCodes {
    // MARK: latihanStrukturalId

    /// SIASN's latihanStrukturalId of a leadership diklat: 1 SEPADA, 2 Diklatpim IV (PKP),
    /// 3 Diklatpim III (PKA), 4 Diklatpim II (PKN II), 5 Diklatpim I (PKN I), 6 SESPIM,
    /// 7 SESPATI, 8 other. SEPADA is kept in ipasn as PIM IV (its equal) with SEPADA in its
    /// name, and goes back as 1; a struktural diklat without a level (none is valid) as 8.
    public static func latihanStrukturalId(_ level: LeadershipLevel?, courseName: String = "") -> Int {
        switch level {
        case .pimIV: return courseName.uppercased().contains("SEPADA") ? 1 : 2
        case .pkp: return 2
        case .pimIII, .pka: return 3
        case .pimII, .pknII: return 4
        case .pimI, .pknI: return 5
        case nil: return 8
        }
    }

    /// The name of each latihanStrukturalId.
    public static let latihanStrukturalNames: [Int: String] = [
        1: "SEPADA", 2: "Diklatpim IV", 3: "Diklatpim III", 4: "Diklatpim II", 5: "Diklatpim I",
        6: "SESPIM", 7: "SESPATI", 8: "Diklat Struktural Lainnya",
    ]

    /// The level of a latihanStrukturalId: 1 SEPADA is PIM IV; nil for 6 SESPIM, 7 SESPATI and
    /// 8 other, which have no ipasn level (an import refuses them with a message saying so).
    /// SIASN has one id for the old and the new name of a level, so the course's name decides:
    /// a name with `PKP`, `PKA` or `PKN` (or `Kepemimpinan Pengawas`/`Administrator`/`Nasional`)
    /// gives the new name, any other the old.
    public static func leadershipLevel(latihanStrukturalId id: Int, courseName: String) -> LeadershipLevel? {
        let name = courseName.uppercased()
        let isNew = ["PKP", "PKA", "PKN", "KEPEMIMPINAN PENGAWAS", "KEPEMIMPINAN ADMINISTRATOR", "KEPEMIMPINAN NASIONAL"]
            .contains { name.contains($0) }
        switch id {
        case 1: return .pimIV
        case 2: return isNew ? .pkp : .pimIV
        case 3: return isNew ? .pka : .pimIII
        case 4: return isNew ? .pknII : .pimII
        case 5: return isNew ? .pknI : .pimI
        default: return nil
        }
    }

    // MARK: SKP 2022+

    /// kuadranKinerjaNilai: 1 Sangat Baik, 2 Baik, 3 Butuh Perbaikan, 4 Kurang, 5 Sangat Kurang.
    public static let kuadran: [(id: Int, predikat: Predikat)] = [
        (1, .sangatBaik), (2, .baik), (3, .butuhPerbaikan), (4, .kurang), (5, .sangatKurang),
    ]

    public static func kuadranId(_ predikat: Predikat) -> Int? {
        kuadran.first { $0.predikat == predikat }?.id
    }

    public static func predikat(kuadranId id: Int) -> Predikat? {
        kuadran.first { $0.id == id }?.predikat
    }

    /// The predikat of PermenPANRB 6/2022's matrix from hasilKinerjaNilai and
    /// perilakuKerjaNilai (each 1 above, 2 as expected, 3 below expectation):
    ///
    /// | perilaku \ hasil | 1 di atas | 2 sesuai | 3 di bawah |
    /// |---|---|---|---|
    /// | 1 di atas | Sangat Baik | Baik | Kurang |
    /// | 2 sesuai | Baik | Baik | Kurang |
    /// | 3 di bawah | Butuh Perbaikan | Butuh Perbaikan | Sangat Kurang |
    public static func predikat(hasil: Int, perilaku: Int) -> Predikat? {
        guard (1...3).contains(hasil), (1...3).contains(perilaku) else { return nil }
        switch (hasil, perilaku) {
        case (1, 1): return .sangatBaik
        case (1, 2), (2, 1), (2, 2): return .baik
        case (1, 3), (2, 3): return .butuhPerbaikan
        case (3, 3): return .sangatKurang
        default: return .kurang
        }
    }

    /// A (hasil, perilaku) pair that gives `predikat` in the matrix, for an export of a record
    /// that keeps only the predikat: the diagonal where it lies on it, else the pair nearest
    /// to "as expected". nil for the PP 46/2011 predikat Cukup and Buruk.
    public static func hasilPerilaku(_ predikat: Predikat) -> (hasil: Int, perilaku: Int)? {
        switch predikat {
        case .sangatBaik: return (1, 1)
        case .baik: return (2, 2)
        case .butuhPerbaikan: return (2, 3)
        case .kurang: return (3, 2)
        case .sangatKurang: return (3, 3)
        case .cukup, .buruk: return nil
        }
    }

    // MARK: jenisHukumanId

    /// One kind of hukuman disiplin of PP 94/2021 (IPASNCore's list, shared with the validator
    /// and the discipline form).
    public typealias JenisHukuman = IPASNCore.JenisHukuman

    /// PP 94/2021's ten punishments in the regulation's order. ipasn numbers them 1 to 10:
    /// SIASN's reference list is not public, so check the ids against SIASN's
    /// `referensi jenis hukuman` before a bulk upload (docs/data-formats.md).
    public static let jenisHukuman: [JenisHukuman] = JenisHukuman.pp94

    public static func jenisHukuman(id: Int) -> JenisHukuman? {
        jenisHukuman.first { $0.id == id }
    }

    /// The kind a record's free-text jenis names, at its level: the exact name, or the words
    /// people write (`teguran lisan`, `potong tukin 25% 9 bulan`, `penurunan jabatan`,
    /// `PDHTAPS`, `PTDH`). nil when the text names none of them.
    public static func jenisHukuman(text: String, tingkat: TingkatHukuman) -> JenisHukuman? {
        let key = text.lowercased()
        let candidates = jenisHukuman.filter { $0.tingkat == tingkat }
        if let exact = candidates.first(where: { $0.nama.lowercased() == key }) { return exact }
        let words = key.filter { $0.isLetter || $0.isNumber || $0 == " " }
        func has(_ parts: String...) -> Bool { parts.allSatisfy { words.contains($0) } }
        switch tingkat {
        case .ringan:
            if has("lisan") { return jenisHukuman(id: 1) }
            if has("tidak puas") { return jenisHukuman(id: 3) }
            if has("tertulis") { return jenisHukuman(id: 2) }
        case .sedang:
            if has("12") { return jenisHukuman(id: 6) }
            if has("9") { return jenisHukuman(id: 5) }
            if has("6") { return jenisHukuman(id: 4) }
        case .berat:
            if has("penurunan") { return jenisHukuman(id: 7) }
            if has("pembebasan") || has("pelaksana") { return jenisHukuman(id: 8) }
            if has("tidak dengan hormat") || has("ptdh") { return jenisHukuman(id: 10) }
            if has("pemberhentian") || has("pdhtaps") { return jenisHukuman(id: 9) }
        }
        return nil
    }

    /// The day a punishment of `months` starting on `start` ends (the day before the same day
    /// `months` later; nil for a punishment without a length).
    public static func end(of start: LocalDate, months: Int) -> LocalDate? {
        guard months > 0 else { return nil }
        let total = start.month - 1 + months
        let year = start.year + total / 12, month = total % 12 + 1
        let sameDay = LocalDate(year: year, month: month, day: min(start.day, LocalDate.daysIn(month: month, year: year)))!
        return dayBefore(sameDay)
    }

    static func dayBefore(_ date: LocalDate) -> LocalDate {
        if date.day > 1 { return LocalDate(year: date.year, month: date.month, day: date.day - 1)! }
        let month = date.month == 1 ? 12 : date.month - 1, year = date.month == 1 ? date.year - 1 : date.year
        return LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
    }

    // MARK: Employees ("Export Data ASN")

    /// jenis_jabatan_id: 1 Struktural, 2 Fungsional Tertentu, 4 Fungsional Umum (pelaksana).
    public static func jenisJabatan(id: Int) -> JenisJabatan? {
        switch id {
        case 1: return .struktural
        case 2: return .fungsional
        case 4: return .pelaksana
        default: return nil
        }
    }

    public static func jenisJabatanId(_ jabatan: JenisJabatan) -> Int {
        switch jabatan {
        case .struktural: return 1
        case .fungsional: return 2
        case .pelaksana: return 4
        }
    }

    /// The struktural level of an eselon as SIASN writes it (`II.a`, `IIb`, `III.a`, or
    /// eselon_id `21`, `32` ...): I JPT Madya, II JPT Pratama, III Administrator, IV and V
    /// Pengawas.
    public static func jenjang(eselon text: String) -> JenjangStruktural? {
        let key = text.uppercased().filter { $0.isLetter || $0.isNumber }
        if let first = key.first, first.isNumber {
            switch first {
            case "1": return .jptMadya
            case "2": return .jptPratama
            case "3": return .administrator
            case "4", "5": return .pengawas
            default: return nil
            }
        }
        let roman = key.prefix { $0 == "I" || $0 == "V" }
        switch roman {
        case "I": return .jptMadya
        case "II": return .jptPratama
        case "III": return .administrator
        case "IV", "V": return .pengawas
        default: return nil
        }
    }
}
