import Foundation
import IPASNCore
import IPASNStore

/// How many rows of each kind a demo wrote.
public struct DemoCounts: Hashable, Sendable, CustomStringConvertible {
    public var units = 0
    public var pegawai = 0
    public var pendidikan = 0
    public var diklat = 0
    public var skp = 0
    public var disiplin = 0

    public init() {}

    public subscript(kind: CSVFileKind) -> Int {
        get {
            switch kind {
            case .units: return units
            case .pegawai: return pegawai
            case .pendidikan: return pendidikan
            case .diklat: return diklat
            case .skp: return skp
            case .disiplin: return disiplin
            }
        }
        set {
            switch kind {
            case .units: units = newValue
            case .pegawai: pegawai = newValue
            case .pendidikan: pendidikan = newValue
            case .diklat: diklat = newValue
            case .skp: skp = newValue
            case .disiplin: disiplin = newValue
            }
        }
    }

    public var description: String {
        CSVFileKind.allCases.map { "\(self[$0]) \($0.rawValue)" }.joined(separator: ", ")
    }
}
