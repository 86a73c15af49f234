import IPASNCore
import IPASNStore

/// One record in one line, as the employee page, the verification queue and `ipasn verify
/// list` show it (the date or year first, then what it is).
public enum RecordLine {
    public static func describe(_ record: Record, _ language: Language) -> String {
        switch record {
        case .pendidikan(let r):
            let lulus = r.tanggalLulus.map { " " + $0.dayFirst } ?? ""
            return "\(r.tingkat.displayName)\(lulus)  \(r.namaSekolah) \(r.jurusan)".trimmingCharacters(in: .whitespaces)
        case .diklat(let r):
            let level = r.tingkat.map { " " + $0.displayName } ?? ""
            return "\(r.tanggalSelesai.dayFirst)  \(r.jenis.nama)\(level)  \(r.nama)  \(r.jp) JP"
        case .skp(let r):
            return "\(r.tahun)  \(skpValue(r, language))"
        case .disiplin(let r):
            return "\(r.tmt.dayFirst)  \(r.tingkat.displayName)  \(r.jenis)"
        }
    }

    /// An SKP's rating in words: `Baik`, `Baik (88,70)` with a score, `nilai 88,50` with only a
    /// score (a number on the PP 46/2011 scale: the ruleset gives its predikat), `-` with neither.
    public static func skpValue(_ r: SKP, _ language: Language) -> String {
        let nilai = r.nilai.map { NumberText.decimal($0, language) }
        switch (r.predikat, nilai) {
        case (let predikat?, let nilai?): return "\(predikat.displayName) (\(nilai))"
        case (let predikat?, nil): return predikat.displayName
        case (nil, let nilai?): return (language == .id ? "nilai " : "score ") + nilai
        case (nil, nil): return "-"
        }
    }

    /// The kind of a record as the admins name it, with the document SIASN asks for.
    public static func kindName(_ kind: RecordKind, _ language: Language) -> String {
        let id = language == .id
        switch kind {
        case .pendidikan: return id ? "Pendidikan" : "Education"
        case .diklat: return id ? "Diklat" : "Course"
        case .skp: return "SKP"
        case .disiplin: return id ? "Hukuman" : "Penalty"
        }
    }

    /// The document SIASN asks for with a record of this kind.
    public static func documentName(_ kind: RecordKind, _ language: Language) -> String {
        let id = language == .id
        switch kind {
        case .pendidikan: return id ? "ijazah" : "diploma"
        case .diklat: return id ? "sertifikat diklat/kursus" : "course certificate"
        case .skp: return id ? "dokumen SKP" : "SKP document"
        case .disiplin: return id ? "SK hukuman disiplin" : "disciplinary decree"
        }
    }
}
