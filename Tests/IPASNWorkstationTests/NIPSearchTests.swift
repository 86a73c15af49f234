import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Finding 5: a NIP typed or pasted with Excel's apostrophe finds the employee.
@Suite struct NIPSearchTests {
    @Test func typedWithApostropheFindsTheEmployee() throws {
        let store = try makeStore()
        _ = try run(store) { s in
            s.press(.search, in: .units)
            s.enqueue(text: "'" + ayuNIP)
            s.checkpoint { c in #expect(c.selection?.contains("Ni Ketut Ayu Lestari") == true, "\(c)") }
        }
    }
}
