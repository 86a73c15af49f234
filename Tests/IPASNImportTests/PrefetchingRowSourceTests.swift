import IPASNCore
import IPASNStore
import Testing

@testable import IPASNImport

struct CountingSource: ImportRowSource, Sendable {
    var kind = "units"
    var remaining: Int
    var failAt: Int?
    var line = 1

    mutating func next() throws -> Line<ImportRow>? {
        guard remaining > 0 else { return nil }
        line += 1
        if line == failAt { throw ImportFileError.empty(path: "boom") }
        remaining -= 1
        return Line(line, .unit(OrgUnit(kode: "U\(line)", nama: "Unit \(line)")))
    }
}

@Suite struct PrefetchingRowSourceTests {
    @Test func deliversEveryRowInOrderAcrossBatches() throws {
        var source = PrefetchingRowSource(CountingSource(remaining: 2_500), batchSize: 64, capacity: 2)
        var lines: [Int] = []
        while let row = try source.next() {
            lines.append(row.number)
            if case .unit(let unit) = row.value { #expect(unit.kode == "U\(row.number)") }
        }
        #expect(lines == Array(2...2_501))
        #expect(try source.next() == nil)
        #expect(source.kind == "units")
    }

    @Test func rethrowsTheReadersErrorWhereItHappened() {
        var source = PrefetchingRowSource(CountingSource(remaining: 100, failAt: 50), batchSize: 8)
        var delivered = 0
        #expect(throws: ImportFileError.self) {
            while try source.next() != nil { delivered += 1 }
        }
        #expect(delivered == 48)
    }

    @Test func cancelStopsAProducerBlockedOnAFullQueue() throws {
        var source = PrefetchingRowSource(CountingSource(remaining: 1_000_000), batchSize: 4, capacity: 1)
        _ = try source.next()
        source.cancel()  // must not hang; the consumer then sees the end
        var after = 0
        while try source.next() != nil { after += 1 }
        #expect(after < 1_000_000)
    }
}
