import Foundation
import IPASNCore
import IPASNStore

/// Importing what an admin points at (the workstation's import): one CSV or .xlsx file (its kind read from its name, e.g.
/// `diklat.csv`, `DATA PEGAWAI 2026.xlsx`) or a folder holding such files, imported in
/// dependency order (units, pegawai, then the records); a file whose name does not say is
/// read by its header (``ImportKindSniffer``). Valid rows are written; refused rows
/// go to a `.rejected.csv` file next to the input so nothing typed is lost. A file whose kind
/// cannot be told from its name is reported (with how to name it), not skipped silently.
public enum FolderImport {
    public enum Failure: Error, CustomStringConvertible {
        case nothingToImport(String)
        public var description: String {
            switch self {
            case .nothingToImport(let path):
                return "tidak ada berkas CSV atau xlsx yang dikenali di \(path) (nama berkas memuat: units, pegawai, pendidikan, diklat, skp, disiplin)"
            }
        }
    }

    public static func run(path: String, store: Store, today: LocalDate) throws -> ImportOutcome {
        let files = try plan(path: path)
        let unknown = try unrecognized(path: path)
        guard !files.isEmpty || !unknown.isEmpty else { throw Failure.nothingToImport(path) }
        let importer = Importer(store: store)
        var total = ImportOutcome(imported: 0, issues: unknown.map(unknownKindIssue))
        for (kind, file) in files {
            let report: ImportReport
            do {
                report = try importer.importFile(kind: kind, path: file, skipInvalid: true, today: today)
            } catch let error as ImportFileError {
                total.issues.append(fileIssue(file, id: error.message(.id), en: error.message(.en)))
                continue
            } catch let error as XLSXError {
                total.issues.append(fileIssue(file, id: error.message(.id), en: error.message(.en)))
                continue
            }
            total.imported += report.imported
            total.issues += report.issues
        }
        return total
    }

    /// The files to import, in order, with their kinds.
    public static func plan(path: String) throws -> [(ImportKind, String)] {
        var isDirectory: ObjCBool = false
        let expanded = (path as NSString).expandingTildeInPath
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: expanded])
        }
        let candidates: [String]
        if isDirectory.boolValue {
            candidates = try FileManager.default.contentsOfDirectory(atPath: expanded).sorted()
                .filter(isImportable)
                .map { (expanded as NSString).appendingPathComponent($0) }
        } else {
            candidates = [expanded]
        }
        var result: [(ImportKind, String)] = []
        let kinds = candidates.map { file -> ImportKind? in
            if case .kind(let kind) = ImportKindDecision.of(file) { return kind }
            return nil
        }
        for kind in ImportKind.allCases {
            for (file, fileKind) in zip(candidates, kinds) where fileKind == kind { result.append((kind, file)) }
        }
        return result
    }

    /// The kind a file holds, read from the start of its name (`pegawai_2024.csv`, `kursus.csv`).
    public static func kindOf(_ file: String) -> ImportKind? {
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
        let aliases: [(String, ImportKind)] = [
            ("unit", .units), ("pegawai", .pegawai), ("pendidikan", .pendidikan), ("diklat", .diklat),
            ("kursus", .diklat), ("skp", .skp), ("disiplin", .disiplin), ("hukuman", .disiplin),
        ]
        if let kind = aliases.first(where: { name.hasPrefix($0.0) })?.1 { return kind }
        // Anywhere in the name (`DATA PEGAWAI 2026`, `rekap_diklat_pegawai`): the records first,
        // since a record file often names the employees too.
        let words = name.split { !$0.isLetter }.map(String.init)
        for kind in [ImportKind.pendidikan, .diklat, .skp, .disiplin, .pegawai, .units] {
            for (alias, aliasKind) in aliases where aliasKind == kind {
                if words.contains(where: { $0.hasPrefix(alias) }) { return kind }
            }
        }
        return nil
    }

    static func isImportable(_ name: String) -> Bool {
        let lower = name.lowercased()
        return (lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx")) && !lower.hasSuffix(".rejected.csv")
            && !lower.hasPrefix("~$")  // Excel's lock file of an open workbook
    }

    /// The importable files of `path` whose kind cannot be told from their name.
    public static func unrecognized(path: String) throws -> [String] {
        let expanded = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else { return [] }
        let names =
            isDirectory.boolValue
            ? try FileManager.default.contentsOfDirectory(atPath: expanded).sorted().filter(isImportable) : [expanded]
        let folder = isDirectory.boolValue ? expanded : ""
        return names.filter { ImportKindDecision.of(folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0)) == .unknown }
            .map { (($0 as NSString).lastPathComponent) }
    }

    /// The importable files of `path` whose header fits several kinds (``ImportKindDecision/ask(_:)``),
    /// with those kinds: the workstation asks the admin which each one is.
    public static func undecided(path: String) throws -> [(path: String, kinds: [ImportKind])] {
        let expanded = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else { return [] }
        let files =
            isDirectory.boolValue
            ? try FileManager.default.contentsOfDirectory(atPath: expanded).sorted().filter(isImportable)
                .map { (expanded as NSString).appendingPathComponent($0) }
            : [expanded]
        return files.compactMap { file in
            guard case .ask(let kinds) = ImportKindDecision.of(file) else { return nil }
            return (file, kinds)
        }
    }

    /// A problem with a whole file (its columns, its sheet), named with the file (line 0).
    static func fileIssue(_ file: String, id: String, en: String) -> LineIssue {
        let name = (file as NSString).lastPathComponent
        return LineIssue(line: 0, issue: ValidationIssue(field: "", code: .custom(id: "\(name): \(id)", en: "\(name): \(en)")))
    }

    /// Why a file whose kind cannot be told from its name was not imported, and how to name it.
    public static func unknownKindIssue(_ file: String) -> LineIssue {
        LineIssue(
            line: 0,
            issue: ValidationIssue(
                field: "",
                code: .custom(
                    id: "\(file) tidak diimpor: jenis datanya tidak terbaca dari nama berkas. Beri nama yang memuat "
                        + "units, pegawai, pendidikan, diklat, skp atau disiplin (mis. \"diklat \(file)\"), "
                        + "atau impor dengan: ipasn import JENIS \"\(file)\"",
                    en: "\(file) was not imported: its kind cannot be told from its name. Name it with units, pegawai, "
                        + "pendidikan, diklat, skp or disiplin (e.g. \"diklat \(file)\"), or import it with: "
                        + "ipasn import KIND \"\(file)\"")))
    }
}
