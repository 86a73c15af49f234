extension Record {
    /// The same record for another employee (a batch's course for one more participant).
    public func owned(by nip: String) -> Record {
        switch self {
        case .pendidikan(var r):
            r.nip = nip
            return .pendidikan(r)
        case .diklat(var r):
            r.nip = nip
            return .diklat(r)
        case .skp(var r):
            r.nip = nip
            return .skp(r)
        case .disiplin(var r):
            r.nip = nip
            return .disiplin(r)
        }
    }
}
