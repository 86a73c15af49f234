import Foundation
import IPASNCore
import IPASNStore

/// Sends what is pending to SIASN as files: every SIASN shape (kursus, diklat struktural,
/// pendidikan, SKP, disiplin) with records new or changed since they were last sent (or sent
/// records deleted since) gets one CSV file in a folder, written by the same ``Exporter`` and
/// ``ExportWriter`` as `ipasn export siasn-KIND --pending`, synced to disk, and only then its
/// export batch saved (the records marked sent). The workstation's pending screens (`x`) run it.
public struct PendingExport {
    /// One file written.
    public struct File: Hashable, Sendable {
        public var kind: ExportKind
        public var path: String
        public var rows: Int
        /// Sent records deleted since, to delete in SIASN by hand.
        public var deletions: [SentDeletion]
        /// The saved batch's number.
        public var batch: Int64
        /// SKP records not in SIASN's 2022 shape, left out (they stay pending).
        public var left: Int
    }

    /// What went wrong, named for the admin.
    public enum Failure: Error, Hashable, Sendable {
        case notAFolder(String)
        case cannotWrite(String, String)
        case exists(String)

        public func message(_ language: Language) -> String {
            switch self {
            case .notAFolder(let path):
                return language == .id
                    ? "\(path) bukan folder yang ada. Ketik folder tujuan yang sudah ada."
                    : "\(path) is not an existing folder. Type an existing destination folder."
            case .cannotWrite(let path, let reason):
                return language == .id
                    ? "Tidak bisa menulis \(path) (\(reason)); data tetap belum terkirim. Pilih folder lain."
                    : "Cannot write \(path) (\(reason)); the records stay unsent. Choose another folder."
            case .exists(let path):
                return language == .id
                    ? "\(path) sudah ada; tidak ditimpa. Pilih folder lain atau pindahkan file itu."
                    : "\(path) already exists; not overwritten. Choose another folder or move that file."
            }
        }
    }

    /// The SIASN shapes, in the order the files are written.
    public static let kinds: [ExportKind] = [.siasnPendidikan, .siasnKursus, .siasnDiklatStruktural, .siasnSKP, .siasnDisiplin]

    /// The file name of one kind's export at `now`: `siasn-kursus-2026-11-30-1405.csv`.
    public static func fileName(_ kind: ExportKind, now: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(kind.rawValue)-\(c.year ?? 0)-\(two(c.month))-\(two(c.day))-\(two(c.hour))\(two(c.minute)).csv"
    }

    /// Exports the pending records of `unit` and its sub-units (nil: every unit) into `folder`,
    /// one file per kind that has something to send; kinds with nothing pending write no file.
    /// Each file is complete and synced before its batch is saved; a failure leaves that
    /// kind's records (and those of the kinds after it) unsent, and a half-written file removed;
    /// so is a whole file whose batch the store refused (the account may not mark records sent).
    public static func run(store: any Store, unit: String?, folder: String, now: Date, timeZone: TimeZone) throws -> [File] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure.notAFolder(folder)
        }
        let selection = ExportSelection(unit: unit, pendingOnly: true)
        var files: [File] = []
        for kind in kinds {
            let path = (folder as NSString).appendingPathComponent(fileName(kind, now: now, timeZone: timeZone))
            guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path) }
            guard FileManager.default.createFile(atPath: path, contents: nil),
                let handle = FileHandle(forWritingAtPath: path)
            else { throw Failure.cannotWrite(path, "open") }
            var complete = false
            defer {
                try? handle.close()
                if !complete { try? FileManager.default.removeItem(atPath: path) }
            }
            var writer = ExportWriter(format: .csv, kind: kind, output: { try handle.write(contentsOf: $0) })
            let result = try Exporter(store: store).export(kind, selection: selection, into: &writer)
            guard let batch = Exporter.batch(kind, format: .csv, file: path, selection: selection, result: result) else {
                continue  // nothing of this kind: the empty file is removed
            }
            do {
                try writer.finish()
                guard fsync(handle.fileDescriptor) == 0 else { throw Failure.cannotWrite(path, String(cString: strerror(errno))) }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure.cannotWrite(path, "\(error)")
            }
            let saved: ExportBatch
            do {
                saved = try store.saveExportBatch(batch)
            } catch let StoreError.notPermitted(rule) {
                // Refused, nothing saved (a read-only role): the file, whole but not marked sent,
                // goes too, so nobody uploads records that a later export would send again.
                throw StoreError.notPermitted(rule)
            } catch {
                complete = true  // the batch's fate is unknown (e.g. a connection lost at COMMIT): keep the file
                throw error
            }
            complete = true
            files.append(File(kind: kind, path: path, rows: result.rows, deletions: result.deletions, batch: saved.number, left: result.left))
        }
        return files
    }
}
