import Foundation
import IPASNCore
import IPASNStore

/// Importing what an admin points at (the workstation's import): one CSV file (its kind read from its name, e.g. `diklat.csv`,
/// `pegawai_2024.csv`) or a folder holding such files, imported in dependency order (units,
/// pegawai, then the records). Valid rows are written; refused rows go to a
/// `.rejected.csv` file next to the input so nothing typed is lost.
public enum FolderImport {
    public enum Failure: Error, CustomStringConvertible {
        case nothingToImport(String)
        public var description: String {
            switch self {
            case .nothingToImport(let path):
                return "tidak ada berkas CSV yang dikenali di \(path) (nama berkas: units, pegawai, pendidikan, diklat, skp, disiplin)"
            }
        }
    }

    public static func run(path: String, store: Store, today: LocalDate) throws -> ImportOutcome {
        let files = try plan(path: path)
        guard !files.isEmpty else { throw Failure.nothingToImport(path) }
        let importer = Importer(store: store)
        var total = ImportOutcome(imported: 0, issues: [])
        for (kind, file) in files {
            let report = try importer.importFile(kind: kind, path: file, skipInvalid: true, today: today)
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
                .filter { $0.lowercased().hasSuffix(".csv") && !$0.lowercased().hasSuffix(".rejected.csv") }
                .map { (expanded as NSString).appendingPathComponent($0) }
        } else {
            candidates = [expanded]
        }
        var result: [(ImportKind, String)] = []
        for kind in ImportKind.allCases {
            for file in candidates where kindOf(file) == kind { result.append((kind, file)) }
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
        return aliases.first { name.hasPrefix($0.0) }?.1
    }
}
