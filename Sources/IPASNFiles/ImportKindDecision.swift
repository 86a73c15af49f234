import Foundation
import IPASNCore
import IPASNStore

/// The kind a file to import holds, as the workstation's import and the command line's hint
/// decide it (one function for both): its header first, then its name.
///
/// - The kinds whose columns the header holds (``ImportKindSniffer/fits(_:)``). The name's kind
///   (``FolderImport/kindOf(_:)``) when it is among them; else the one record kind among them
///   (`Sosialisasi SKP 2026.csv` with a diklat header is a diklat file: the name's `SKP` is the
///   event's subject, not the file's kind); several record kinds: ``ask``; else the first of
///   them (an employee list also reads as units: pegawai).
/// - When no kind's columns are all there: the name's kind (the import then names its missing
///   and misspelt columns); a name without one: the one kind whose only lacking columns a header
///   misspells within the import's typo limit (`Tangal Mulai` for `Tanggal Mulai`), so the import
///   names the typo; several such kinds: ``ask``; none: ``unknown`` (reported with how to name
///   the file, as before).
public enum ImportKindDecision: Hashable, Sendable {
    case kind(ImportKind)
    /// The header fits several kinds (in ``ImportKindSniffer/order``): the admin chooses.
    case ask([ImportKind])
    /// Neither the header nor the name tells.
    case unknown

    public static func of(_ file: String) -> ImportKindDecision {
        decide(name: FolderImport.kindOf(file), fits: ImportKindSniffer.fits(file))
    }

    /// The decision from the name's kind and the header's fits (``ImportKindSniffer/Fit``).
    static func decide(name: ImportKind?, fits: [ImportKindSniffer.Fit]) -> ImportKindDecision {
        let whole = fits.filter { $0.missing == 0 }.map(\.kind)
        if let name, whole.contains(name) { return .kind(name) }
        let records = whole.filter { $0.recordKind != nil }
        if records.count == 1 { return .kind(records[0]) }
        if records.count > 1 { return .ask(records) }
        if let first = whole.first { return .kind(first) }
        // The name said a kind: its problems are the import's to name (as before this branch).
        if let name { return .kind(name) }
        let near = fits.filter(\.misspelt).map(\.kind)
        switch near.count {
        case 0: return .unknown
        case 1: return .kind(near[0])
        default: return .ask(near)
        }
    }
}
