import Foundation

/// A failed self-check or a broken step: the benchmark stops and exits non-zero.
public struct BenchError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
