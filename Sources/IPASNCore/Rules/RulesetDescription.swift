extension RulesetFile {
    /// The ruleset in readable form: every table, window and threshold, as `rules show` prints it.
    public static func describe(_ r: Ruleset, language: Language = .en) -> String {
        let id = language == .id
        func p(_ value: Double) -> String { NumberText.points(value, language) }
        var out: [String] = []
        out.append("\(id ? "Aturan" : "Ruleset") \(r.id): \(r.name)")
        out.append(
            "\(id ? "Bobot" : "Weights"): kualifikasi \(p(r.kualifikasi.max)), kompetensi \(p(r.kompetensi.max)), kinerja \(p(r.kinerja.max)), disiplin \(p(r.disiplin.max)) = \(p(r.maxTotal))"
        )
        out.append("")
        out.append("Kualifikasi (max \(p(r.kualifikasi.max))): \(id ? "pendidikan tertinggi s.d. 31 Des tahun Y" : "highest education completed by 31 Dec Y")")
        let byPoints = Dictionary(grouping: EducationLevel.allCases) { r.kualifikasi.points[$0] ?? 0 }
        for points in byPoints.keys.sorted(by: >) {
            let levels = byPoints[points]!.sorted().map { "\($0.displayName) (\($0.siasnCode))" }.joined(separator: ", ")
            out.append("  \(pad(p(points), 5)) \(levels)")
        }
        out.append("  \(pad("0", 5)) \(id ? "tanpa riwayat pendidikan (belum lengkap)" : "no education on record (incomplete)")")
        out.append(
            "  \(id ? "pendidikan tanpa tanggal lulus dihitung" : "education without a graduation date counts"): \(r.kualifikasi.undatedCounts ? (id ? "ya" : "yes") : (id ? "tidak" : "no"))"
        )
        out.append("")
        let k = r.kompetensi
        out.append("Kompetensi (max \(p(k.max)))")
        out.append("  \(pad("", 14)) \(pad("struktural", 11)) \(pad("fungsional", 11)) pelaksana")
        for group in DiklatGroup.allCases {
            let cells = JenisJabatan.allCases.map { jabatan -> String in
                let value = k.points[jabatan]?[group] ?? 0
                return pad(value == 0 ? "–" : p(value), 11)
            }
            out.append("  \(pad(group.rawValue, 14)) \(cells.joined(separator: " "))")
        }
        out.append(
            "  teknis: \(id ? "JP pada" : "JP in") \(windowText(k.teknisWindowYears, language)) ≥ \(k.teknisMinimumJP) (\(id ? "tanpa pro-rata" : "no pro-rating"))"
        )
        out.append("  seminar: \(id ? "minimal satu pada" : "at least one in") \(windowText(k.seminarWindowYears, language))")
        out.append("  \(id ? "kepemimpinan/fungsional: selesai s.d. 31 Des Y" : "leadership/functional: finished by 31 Dec Y")")
        let required = JenjangStruktural.allCases.map { jenjang -> String in
            "\(jenjang.displayName) ≥ \(k.leadershipRequired[jenjang]?.displayName ?? "–")"
        }
        out.append("  \(id ? "syarat kepemimpinan" : "leadership required"): \(required.joined(separator: "; "))")
        let ranks = Dictionary(grouping: LeadershipLevel.allCases) { k.leadershipRank[$0] ?? 0 }
        let rankText = ranks.keys.sorted().map { rank in ranks[rank]!.map(\.displayName).joined(separator: " = ") }
        out.append("  \(id ? "urutan tingkat" : "level order"): \(rankText.joined(separator: " < "))")
        out.append(
            "  \(id ? "diklat fungsional harus sesuai jabatan" : "functional courses must match the post"): \(k.fungsionalRequiresSesuai ? (id ? "ya" : "yes") : (id ? "tidak" : "no"))"
        )
        for group in DiklatGroup.allCases {
            let ids = JenisDiklat.all.filter { k.groups[$0.id] == group }.map { "\($0.nama) (\($0.id))" }
            out.append("  \(id ? "jenis" : "kinds") \(group.rawValue): \(ids.isEmpty ? "–" : ids.joined(separator: ", "))")
        }
        let unmapped = JenisDiklat.all.filter { k.groups[$0.id] == nil }.map { "\($0.nama) (\($0.id))" }
        if !unmapped.isEmpty {
            out.append("  \(id ? "tidak dihitung" : "not counted"): \(unmapped.joined(separator: ", "))")
        }
        out.append("")
        out.append("Kinerja (max \(p(r.kinerja.max))): \(id ? "SKP tahun Y" : "the SKP of year Y")")
        for predikat in Predikat.allCases {
            out.append("  \(pad(p(r.kinerja.points[predikat] ?? 0), 5)) \(predikat.displayName)")
        }
        out.append("  \(pad("0", 5)) \(id ? "tanpa SKP tahun Y (belum lengkap)" : "no SKP for Y (incomplete)")")
        let thresholds = r.kinerja.nilaiThresholds.sorted { $0.min > $1.min }
            .map { "≥ \(p($0.min)) \($0.predikat.displayName)" } + ["\(id ? "lainnya" : "below") \(r.kinerja.belowAll.displayName)"]
        out.append("  \(id ? "nilai PP 46/2011" : "PP 46/2011 number"): \(thresholds.joined(separator: "; "))")
        out.append("")
        out.append("Disiplin (max \(p(r.disiplin.max))): \(id ? "hukuman terberat dengan TMT pada" : "heaviest punishment with TMT in") \(windowText(r.disiplin.windowYears, language))")
        let dis = ["\(id ? "tanpa" : "none") \(p(r.disiplin.none))"]
            + TingkatHukuman.allCases.map { "\($0.rawValue) \(p(r.disiplin.points[$0] ?? 0))" }
        out.append("  " + dis.joined(separator: ", "))
        out.append("")
        out.append(id ? "Kategori (total atau rata-rata unit)" : "Categories (a total or a unit mean)")
        for band in r.categories.sorted(by: { $0.min > $1.min }) {
            out.append("  ≥ \(pad(p(band.min), 4)) \(band.name)")
        }
        out.append("")
        let counts = r.verification.rejectedRecordsCount
        out.append(
            id
                ? "Verifikasi: data tidak memenuhi syarat \(counts ? "tetap dihitung" : "tidak dihitung"); data belum diverifikasi dihitung"
                : "Verification: rejected records \(counts ? "still count" : "do not count"); records not yet verified count")
        return out.map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }
            .joined(separator: "\n")
    }

    private static func windowText(_ years: Int, _ language: Language) -> String {
        if years <= 1 { return "Y" }
        return "Y-\(years - 1)..Y"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
