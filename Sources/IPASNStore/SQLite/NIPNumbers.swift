import Foundation

/// Employees numbered by NIP for the packed per-employee tables (``EmployeeRuns``): an
/// 18-digit NIP looked up as a number (``NIPKey/numericKey(_:)``: no String made from the
/// row's bytes), any other by its text.
struct NIPNumbers {
    private var numeric: [UInt64: Int32] = [:]
    private var other: [String: Int32] = [:]
    /// The next number ``assigning(_:)`` gives.
    private(set) var count: Int32 = 0

    init(capacity: Int = 0) { numeric.reserveCapacity(capacity) }

    /// The number of a NIP, or nil.
    func number(_ nip: UnsafeBufferPointer<UInt8>) -> Int32? {
        if let key = NIPKey.numericKey(nip) { return numeric[key] }
        return other[String(decoding: nip, as: UTF8.self)]
    }

    /// The number of a NIP: the one it has, or the next one.
    mutating func assigning(_ nip: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let known = number(nip) { return known }
        let next = count
        set(nip, next)
        return next
    }

    /// Gives `nip` the number `number` (a NIP is given one number once).
    mutating func set(_ nip: UnsafeBufferPointer<UInt8>, _ number: Int32) {
        if let key = NIPKey.numericKey(nip) {
            numeric[key] = number
        } else {
            other[String(decoding: nip, as: UTF8.self)] = number
        }
        count = max(count, number + 1)
    }
}
