import IPASNCore

/// Failures of the storage itself (not of the admin's input, which is a `ValidationFailure`).
///
/// Implementations translate their engine's errors into these cases, so that the screens and
/// the command line can say what happened and what to do without knowing the engine. After any
/// of them the change was rolled back whole: nothing half-written stays behind.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A record id that does not exist (deleted meanwhile, or never existed).
    case recordNotFound(RecordID)
    /// Stored data that cannot be read back (edited by hand, or a bug).
    case corrupt(String)
    /// The disk (or the database's size limit) is full; the change was not saved.
    case diskFull
    /// Another process held the write lock without any sign of progress (a stuck process);
    /// the change was not saved.
    case busy
    /// A read met a lock that did not go away (nothing was being saved by this read).
    case busyReading
    /// The database file cannot be written (permissions, a read-only disk).
    case readOnly
    /// The operating system failed to read or write the file (the string names the file).
    case io(String)
    /// There is no database at this path (reading never creates one).
    case notFound(path: String)
    /// The file is not an ipasn database (another kind of file, or damaged beyond reading).
    case notADatabase(path: String)
    /// The database was made by a newer ipasn (its schema has steps this version does not
    /// know): it is neither read nor written.
    case newerVersion(path: String)
    /// The database was made by an older ipasn and must be upgraded by opening it for
    /// writing once (the workstation or any command that changes data) before it can be read.
    case needsUpgrade(path: String)
    /// The acting account may not make this change (the rule says why); nothing was written.
    case notPermitted(PermissionRule)
    /// Undo (or redo) refused: the data it would restore over is no longer what this session
    /// left, because `by` (an admin's login) changed it since. Nothing was written.
    case changedSince(by: String)
    /// Undo (or redo) refused for another reason, said in both languages (an employee who has
    /// records since, an undone import that cannot be redone...). Nothing was written.
    case cannotUndo(id: String, en: String)
    /// An edit refused (``RecordEditStore/update(_:to:expecting:)``): `by` (an admin's login)
    /// changed or deleted the record since the form loaded it. Nothing was written.
    case editedMeanwhile(by: String)

    public var description: String {
        switch self {
        case .recordNotFound(let id): return "Record \(id) does not exist."
        case .corrupt(let what): return "Stored data is unreadable: \(what)"
        case .diskFull: return "The disk is full; nothing was saved. Free some space and try again."
        case .busy:
            return "Another process has held the database for a long time without progress; nothing was saved. "
                + "Check that no other ipasn is stuck, then try again."
        case .busyReading: return "The database is locked by another process for a long time; nothing could be read. Try again."
        case .readOnly: return "The database file cannot be written (permissions or a read-only disk); nothing was saved."
        case .io(let what) where Self.namesServer(what) && Self.refusesLogin(what):
            return "The database server refused the login (\(what)); nothing was read or saved. Check the password in "
                + "~/.pgpass (the operator sets it: docs/deployment.md, \"A PostgreSQL server\", step 2), then try again."
        case .io(let what) where Self.namesServer(what):
            return "The database server cannot be reached (\(what)). Nothing was half-saved. "
                + "Check the network, or ask the server's administrator whether it is running, then try again."
        case .io(let what): return "The database file \(what) could not be read or written (a disk or file-system fault)."
        case .notFound(let path):
            return "There is no database at \(path). Check the path (--db or IPASN_DB); reading never creates one "
                + "(the workstation `ipasn` or `ipasn import` does)."
        case .notADatabase(let path) where Self.namesServer(path):
            return "The server database \(path) holds no ipasn tables yet (an empty database, just created); nothing was read. "
                + "Set it up first (docs/deployment.md, \"A PostgreSQL server\", step 3): its owner opens it once with `ipasn` "
                + "(the tables are made and the owner becomes its operator), or moves a SQLite database into it with "
                + "`ipasn --db FILE migrate --to \(path)`."
        case .notADatabase(let path): return "\(path) is not an ipasn database (another kind of file, or damaged)."
        case .newerVersion(let path):
            return "The database \(path) has been upgraded by a newer version of ipasn (another admin's, or another build) "
                + "since this one last opened it; this version does not open it, so that nothing is damaged, and changed nothing. "
                + "Use the newer ipasn (compare `ipasn --version` with the other admins'), then run this again."
        case .needsUpgrade(let path):
            return "The database \(path) was made by an older version of ipasn; open it once with `ipasn` (the workstation) "
                + "or a command that changes data to upgrade it."
        case .notPermitted(let rule): return rule.message(.en) + "; nothing was saved."
        case .changedSince(let actor): return "Not undone: the data has been changed by \(actor) since."
        case .cannotUndo(_, let en): return en
        case .editedMeanwhile(let actor):
            return "Not saved: \(actor) has changed or deleted this record since the form was opened. Your input stays in the form; "
                + "close the form (Esc) to see the current data, then edit it again."
        }
    }
}

extension StoreError {
    /// What happened and what to do, for the admin, in Indonesian or English.
    public func message(_ language: Language) -> String {
        guard language == .id else { return description }
        switch self {
        case .recordNotFound: return "Data itu sudah tidak ada (mungkin dihapus admin lain). Muat ulang dengan Ctrl-L."
        case .corrupt(let what): return "Data tersimpan tidak terbaca (\(what)). Jalankan `ipasn check` dan hubungi pengelola."
        case .diskFull:
            return "Disk penuh: data BELUM tersimpan, tetapi isian tetap ada. Kosongkan ruang disk lalu simpan lagi."
        case .busy:
            return "Basis data lama ditahan proses lain tanpa kemajuan: data BELUM tersimpan. "
                + "Pastikan tidak ada ipasn lain yang macet, lalu simpan lagi."
        case .busyReading: return "Basis data lama dikunci proses lain: data belum bisa dibaca. Coba lagi sebentar lagi."
        case .readOnly: return "Berkas basis data tidak bisa ditulis (hak akses atau disk hanya-baca): data BELUM tersimpan."
        case .io(let what) where Self.namesServer(what) && Self.refusesLogin(what):
            return "Server basis data menolak login ini (\(what)); tidak ada yang dibaca atau disimpan. Periksa kata sandi "
                + "di ~/.pgpass (operator yang menetapkannya: docs/deployment.md, \"A PostgreSQL server\", langkah 2), lalu ulangi."
        case .io(let what) where Self.namesServer(what):
            return "Server basis data tidak dapat dihubungi (\(what)). Tidak ada yang tersimpan setengah. "
                + "Periksa jaringan, atau tanyakan pengelola server apakah server menyala, lalu ulangi."
        case .io(let what): return "Gagal membaca/menulis berkas basis data \(what) (gangguan disk atau sistem berkas)."
        case .notFound(let path):
            return "Tidak ada basis data di \(path). Periksa jalurnya (--db atau IPASN_DB); membaca tidak pernah membuat "
                + "basis data baru (workstation `ipasn` atau `ipasn import` yang membuatnya)."
        case .notADatabase(let path) where Self.namesServer(path):
            return "Basis data server \(path) belum berisi tabel ipasn (basis data kosong, baru dibuat); tidak ada yang dibaca. "
                + "Siapkan dulu (docs/deployment.md, \"A PostgreSQL server\", langkah 3): pemiliknya membukanya sekali dengan "
                + "`ipasn` (tabel dibuat dan pemilik menjadi operatornya), atau memindahkan basis data SQLite ke dalamnya dengan "
                + "`ipasn --db FILE migrate --to \(path)`."
        case .notADatabase(let path): return "\(path) bukan basis data ipasn (berkas jenis lain, atau rusak)."
        case .newerVersion(let path):
            return "Basis data \(path) sudah diperbarui oleh ipasn versi lebih baru (milik admin lain, atau build lain); "
                + "versi ini tidak membukanya agar data tidak rusak, dan tidak mengubah apa pun. Pakai ipasn versi baru itu "
                + "(bandingkan `ipasn --version` dengan admin lain), lalu jalankan lagi."
        case .needsUpgrade(let path):
            return "Basis data \(path) dibuat oleh ipasn versi lama; buka sekali dengan `ipasn` (workstation) atau perintah "
                + "yang mengubah data untuk memperbaruinya."
        case .notPermitted(let rule): return rule.message(.id) + "; data tidak disimpan."
        case .changedSince(let actor): return "Tidak dibatalkan: data sudah diubah oleh \(actor)."
        case .cannotUndo(let id, _): return id
        case .editedMeanwhile(let actor):
            return "Tidak disimpan: data ini sudah diubah atau dihapus oleh \(actor) sejak formulir dibuka. Isian Anda tetap di formulir; "
                + "tutup formulir (Esc) untuk melihat data terbaru, lalu ubah lagi."
        }
    }
}

extension StoreError {
    /// Whether an ``io(_:)`` text names a database server (a PostgreSQL connection string, as
    /// the PostgreSQL store writes it) rather than a file: its failure is a connection, not a disk.
    static func namesServer(_ what: String) -> Bool {
        what.hasPrefix("postgresql://") || what.hasPrefix("postgres://") || what.hasPrefix("host=")
            || what.hasPrefix("hostaddr=") || what.hasPrefix("dbname=")
    }

    /// Whether a server's connection failure is its refusal of the login's password (libpq's
    /// words), not a network or a stopped server: the advice is the password, not the network.
    static func refusesLogin(_ what: String) -> Bool {
        what.contains("password authentication failed") || what.contains("no password supplied")
    }
}
