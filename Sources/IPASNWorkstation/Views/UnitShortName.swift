import IPASNCore
import IPASNTerminal

/// A unit's name short enough for a list's narrow unit column: the list's display name
/// (``UnitTree/displayNames()``, `DISDIK › Sekretariat` for a shared name) with the words
/// every unit name repeats abbreviated as Indonesian offices write them (`Bidang` `Bid.`,
/// `Kecamatan` `Kec.`, `dan` `&` ...). The verifikator's queue showed the unit code only
/// (`DISDIK.03`), which says little below the instansi (round 8).
/// `Bidang Pembinaan SD` (`DISDIK.02`) is `Bid. Pembinaan SD`; a unit whose code is an acronym
/// is shown by it (`BKPSDM`).
enum UnitShortName {
    /// Whole words and what they become.
    static let abbreviations: [String: String] = [
        "Badan": "Bdn.", "Bidang": "Bid.", "Bagian": "Bag.", "Sekretariat": "Sekr.", "Kecamatan": "Kec.",
        "Kelurahan": "Kel.", "Dinas": "Din.", "Seksi": "Sie", "Pemerintah": "Pem.", "Kabupaten": "Kab.",
        "Provinsi": "Prov.", "Wilayah": "Wil.", "Puskesmas": "PKM", "Pengembangan": "Pengemb.", "Pelayanan": "Pelay.",
        "Pengelolaan": "Pengel.", "dan": "&",
    ]

    /// `name` with its common words abbreviated: "Bidang Pembinaan SD" is "Bid. Pembinaan SD",
    /// "DISDIK › Sekretariat" (a shared name with its ancestor) "DISDIK Sekr.".
    static func short(_ name: String) -> String {
        name.split(separator: " ", omittingEmptySubsequences: true).filter { $0 != "›" }
            .map { abbreviations[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// Every unit's short name for a column `width` wide, by kode: the unit's code when it is
    /// an acronym that fits (`DISDIK`, `KEC-UTARA`: how offices name themselves, and what
    /// the rest of the workstation shows), else its abbreviated display name (a sub-unit's
    /// code, `DISDIK.03`, says little), to be cut (``cells``).
    static func names(_ units: [OrgUnit], width: Int) -> [String: String] {
        UnitTree(units).displayNames().reduce(into: [:]) { result, unit in
            let acronym = unit.key.count <= width && unit.key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            result[unit.key] = acronym ? unit.key : short(unit.value)
        }
    }

    /// The column's cells for `kodes` (a page's rows): each unit's short name (its code when
    /// unknown) cut to `width`; two names that the cut makes equal keep their ends instead
    /// (``DisplayWidth/truncateApart(_:toWidth:)``: "Bid. Pembinaan SD" beside "... SMP"). A
    /// cut name that merely begins like a shorter one stays a plain cut ("DISDIK Se…" beside
    /// "DISDIK": a unit and its sub-unit, told apart as they are).
    static func cells(_ kodes: [String], names: [String: String], width: Int) -> [String] {
        let texts = kodes.map { names[$0] ?? $0 }
        let plain = texts.map { DisplayWidth.truncate($0, toWidth: width) }
        let apart = DisplayWidth.truncateApart(texts, toWidth: width)
        return texts.indices.map { i in
            texts.indices.contains { j in plain[j] == plain[i] && texts[j] != texts[i] } ? apart[i] : plain[i]
        }
    }
}
