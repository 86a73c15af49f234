import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    static let scoreStream: [StoreBehaviour] = [
        StoreBehaviour("eachScore hands over exactly the rows of scores(year:unit:), in order, and stops at the body's error") { make in
            let store = try seeded(make)
            // A second cached year and one not cached (computed), the whole database and a unit.
            try store.recomputeAll(year: 2023)
            for (year, unit) in [(2024, nil), (2024, "SUB"), (2024, "ROOT"), (2023, "SUB"), (2021, nil)] as [(Int, String?)] {
                var streamed: [ScoredPegawai] = []
                try store.eachScore(year: year, unit: unit) { streamed.append($0) }
                let whole = try store.scores(year: year, unit: unit)
                #expect(streamed == whole, "\(year) \(unit ?? "all")")
            }
            // SUB holds Budi and Citra (by unit, then name); the whole city three.
            var names: [String] = []
            try store.eachScore(year: 2024, unit: "SUB") { names.append($0.pegawai.nama) }
            #expect(names == ["Budi", "Citra"])
            struct Enough: Error {}
            var seen = 0
            #expect(throws: Enough.self) {
                try store.eachScore(year: 2024, unit: nil) { _ in
                    seen += 1
                    throw Enough()
                }
            }
            #expect(seen == 1, "the read ends at the body's error")
            // The store is usable after the interrupted read.
            #expect(try store.scores(year: 2024, unit: nil).count == 3)
        }
    ]
}
