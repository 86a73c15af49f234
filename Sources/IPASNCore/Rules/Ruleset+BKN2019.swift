extension Ruleset {
    /// The default ruleset: PermenPANRB 38/2018 and Peraturan BKN 8/2019 with the
    /// choices documented in `docs/scoring.md` (weights 25 / 40 / 30 / 5).
    public static let bkn2019 = Ruleset(
        id: "bkn-2019",
        name: "PermenPANRB 38/2018 & Peraturan BKN 8/2019",
        kualifikasi: KualifikasiRules(
            max: 25,
            points: [
                .s3: 25, .subspesialis: 25,
                .s2: 20, .spesialis: 20,
                .s1: 15, .d4: 15, .profesi: 15,
                .d3: 10,
                .d2: 5, .d1: 5, .slta: 5, .sltaKejuruan: 5, .sltaKeguruan: 5,
                .sltp: 1, .sltpKejuruan: 1, .sd: 1,
            ],
            undatedCounts: true),
        kompetensi: KompetensiRules(
            max: 40,
            groups: Dictionary(
                uniqueKeysWithValues: [
                    (1, DiklatGroup.kepemimpinan), (2, .fungsional),
                    (3, .teknis), (5, .teknis), (6, .teknis), (8, .teknis), (12, .teknis),
                    (13, .teknis), (16, .teknis), (17, .teknis),
                ] + [4, 7, 9, 10, 11, 14, 15, 18, 19, 20, 21, 22, 23, 24, 25].map { ($0, DiklatGroup.seminar) }),
            points: [
                .struktural: KompetensiPoints(kepemimpinan: 15, fungsional: 0, teknis: 15, seminar: 10),
                .fungsional: KompetensiPoints(kepemimpinan: 0, fungsional: 15, teknis: 15, seminar: 10),
                .pelaksana: KompetensiPoints(kepemimpinan: 0, fungsional: 0, teknis: 22.5, seminar: 17.5),
            ],
            teknisMinimumJP: 20,
            teknisWindowYears: 1,
            seminarWindowYears: 2,
            leadershipRank: [
                .pimIV: 1, .pkp: 1, .pimIII: 2, .pka: 2, .pimII: 3, .pknII: 3, .pimI: 4, .pknI: 4,
            ],
            leadershipRequired: [
                .pengawas: .pimIV, .administrator: .pimIII, .jptPratama: .pimII,
                .jptMadya: .pimI, .jptUtama: .pimI,
            ],
            fungsionalRequiresSesuai: true),
        kinerja: KinerjaRules(
            max: 30,
            points: [
                .sangatBaik: 30, .baik: 25, .cukup: 15, .butuhPerbaikan: 15, .kurang: 5, .buruk: 1,
                .sangatKurang: 1,
            ],
            nilaiThresholds: [
                NilaiThreshold(min: 91, predikat: .sangatBaik),
                NilaiThreshold(min: 76, predikat: .baik),
                NilaiThreshold(min: 61, predikat: .cukup),
                NilaiThreshold(min: 51, predikat: .kurang),
            ],
            belowAll: .buruk),
        disiplin: DisiplinRules(max: 5, none: 5, points: [.ringan: 3, .sedang: 2, .berat: 1], windowYears: 1),
        categories: [
            CategoryBand(min: 91, name: "Sangat Tinggi"),
            CategoryBand(min: 81, name: "Tinggi"),
            CategoryBand(min: 71, name: "Sedang"),
            CategoryBand(min: 61, name: "Rendah"),
            CategoryBand(min: 0, name: "Sangat Rendah"),
        ])

    /// The built-in rulesets by id.
    public static let builtIn: [String: Ruleset] = [bkn2019.id: bkn2019]
}
