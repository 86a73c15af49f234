import IPASNCore
import IPASNFiles
import IPASNStore

extension ImportCommand {
    /// A pegawai file changes employees already on file and `--update` was not given: every
    /// change with its line, and how to go on. Nothing was imported.
    static func changesNeedUpdate(_ report: ImportReport, file: String, language: Language) -> String {
        let id = language == .id
        let count = report.changed
        var lines = [
            id
                ? "\(file): \(count) pegawai yang sudah ada akan berubah; tidak ada yang diimpor."
                : "\(file): \(count) employee\(count == 1 ? "" : "s") already on file would change; nothing was imported."
        ]
        for change in report.changes { lines.append("  \(id ? "baris" : "line") \(change.line), " + change.summary) }
        lines.append(
            id
                ? "Periksa perubahan di atas, lalu ulangi dengan --update untuk menerapkannya (nilai lama disimpan di log audit)."
                : "Check the changes above, then run again with --update to apply them (the old values are kept in the audit log).")
        return lines.joined(separator: "\n")
    }
}
