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
    /// Another process held the database for longer than the busy timeout.
    case busy
    /// The database file cannot be written (permissions, a read-only disk).
    case readOnly
    /// The operating system failed to read or write the file.
    case io(String)
    /// Undo (or redo) refused: the data it would restore over is no longer what this session
    /// left, because `by` (an admin's login) changed it since. Nothing was written.
    case changedSince(by: String)
    /// Undo (or redo) refused for another reason, said in both languages (an employee who has
    /// records since, an undone import that cannot be redone...). Nothing was written.
    case cannotUndo(id: String, en: String)

    public var description: String {
        switch self {
        case .recordNotFound(let id): return "Record \(id) does not exist."
        case .corrupt(let what): return "Stored data is unreadable: \(what)"
        case .diskFull: return "The disk is full; nothing was saved. Free some space and try again."
        case .busy: return "The database is busy (another admin is saving); nothing was saved. Try again."
        case .readOnly: return "The database file cannot be written (permissions or a read-only disk)."
        case .io(let what): return "The database file could not be read or written: \(what)"
        case .changedSince(let actor): return "Not undone: the data has been changed by \(actor) since."
        case .cannotUndo(_, let en): return en
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
        case .busy: return "Basis data sedang dipakai admin lain: data BELUM tersimpan. Tunggu sebentar lalu simpan lagi."
        case .readOnly: return "Berkas basis data tidak bisa ditulis (hak akses atau disk hanya-baca): data BELUM tersimpan."
        case .io(let what): return "Gagal membaca/menulis berkas basis data (\(what)): data BELUM tersimpan."
        case .changedSince(let actor): return "Tidak dibatalkan: data sudah diubah oleh \(actor)."
        case .cannotUndo(let id, _): return id
        }
    }
}
