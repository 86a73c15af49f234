import Foundation
import IPASNCore

/// The employees chosen in a list for one bulk entry (by NIP), with the start of a range
/// being marked. It knows nothing of drawing or keys: the list view passes the NIPs it
/// shows, in order, so a selection survives re-sorting and filtering.
struct EmployeeSelection: Hashable, Sendable {
    private(set) var chosen: Set<String> = []
    /// The NIP where `v` started a range, until the second `v` ends it.
    private(set) var anchor: String?

    var count: Int { chosen.count }
    var isEmpty: Bool { chosen.isEmpty }
    func contains(_ nip: String) -> Bool { chosen.contains(nip) }

    /// Space: chosen becomes unchosen and the other way round.
    mutating func toggle(_ nip: String) {
        if chosen.remove(nip) == nil { chosen.insert(nip) }
    }

    /// `v`: the first press marks where a run starts (and chooses that row); the second
    /// chooses every shown row from there to `nip`, either direction. Returns true when a
    /// run was completed. When the start is no longer shown (the filter changed) the
    /// second press starts a new run.
    @discardableResult
    mutating func markRange(at nip: String, shown: [String]) -> Bool {
        guard let start = anchor, let from = shown.firstIndex(of: start), let to = shown.firstIndex(of: nip) else {
            anchor = nip
            chosen.insert(nip)
            return false
        }
        chosen.formUnion(shown[min(from, to)...max(from, to)])
        anchor = nil
        return true
    }

    /// `*`: chooses every shown row; when all of them are chosen already, unchooses them.
    mutating func toggleAll(shown: [String]) {
        if !shown.isEmpty, shown.allSatisfy(chosen.contains) {
            chosen.subtract(shown)
        } else {
            chosen.formUnion(shown)
        }
        anchor = nil
    }

    mutating func insert<S: Sequence>(contentsOf nips: S) where S.Element == String {
        chosen.formUnion(nips)
    }

    mutating func clear() {
        chosen = []
        anchor = nil
    }

    /// Forgets chosen employees no longer in the list (a reload after a transfer).
    mutating func keep(only nips: Set<String>) {
        chosen.formIntersection(nips)
        if let anchor, !nips.contains(anchor) { self.anchor = nil }
    }
}

/// What narrows a unit's list for a bulk entry: words matched against the name, the
/// jabatan (jenjang) and the jenis jabatan (every word must match one of them, ignoring
/// case and accents), and optionally "not yet having this course".
struct EmployeeFilter: Hashable, Sendable {
    var text: String = ""
    /// When set: only employees with no diklat of this identity (jenis, name ignoring case
    /// and spacing, dates: ``DuplicateKey``) are shown; the NIPs that have it.
    var lacking: LackingCourse?

    struct LackingCourse: Hashable, Sendable {
        /// The course as the admin named it (for the title line).
        var name: String
        /// Employees who already have it.
        var having: Set<String>
        /// The course (any employee's NIP): its ``DuplicateKey`` per employee decides.
        var course: Diklat
    }

    var isActive: Bool { !words.isEmpty || lacking != nil }

    private var words: [String] {
        Self.fold(text).split(separator: " ").map(String.init)
    }

    func matches(_ p: Pegawai) -> Bool {
        matches(nip: p.nip, nama: p.nama, jenjang: p.jenjang, jenis: p.jenisJabatan, struktural: p.jenjangStruktural)
    }

    /// The same test on the employee list's compact row.
    func matches(_ row: EmployeeListRow) -> Bool {
        matches(nip: row.nip, nama: row.nama, jenjang: row.jenjang, jenis: row.jenisJabatan, struktural: row.jenjangStruktural)
    }

    private func matches(nip: String, nama: String, jenjang: String, jenis: JenisJabatan, struktural: JenjangStruktural?) -> Bool {
        if let lacking, lacking.having.contains(nip) { return false }
        let words = self.words
        guard !words.isEmpty else { return true }
        let haystack = Self.fold("\(nama) \(jenjang) \(jenis.rawValue) \(struktural?.displayName ?? "")")
        return words.allSatisfy { haystack.contains($0) }
    }

    /// Lowercase, accents removed: `Élia` matches `elia`.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
