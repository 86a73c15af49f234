import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The event loop follows the store's change feed (``ChangeFeed``): on a shared SQLite file
/// it waits at most the feed's poll interval (400 ms, not the 2 s idle tick), so another
/// admin's save is on screen within a second without a key.
@Suite struct LiveFeedWorkstationTests {
    @Test func anotherAdminsSaveRedrawsTheUnitListWithoutAKey() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try shared.open("ani", session: "a")
        let budi = try shared.open("budi", session: "b")
        let screen = VirtualScreen(size: AdminTerminal.size)
        let station = try Workstation(store: ani, screen: screen, context: ani.context)
        screen.enqueue { screen in
            #expect(!screen.text.contains("Dinas Kesehatan"))
            try? budi.saveUnit(OrgUnit(kode: "DINKES", nama: "Dinas Kesehatan"))
        }
        screen.enqueue(event: .tick)  // the poll interval elapsed: no key pressed
        try station.run()
        #expect(screen.requestedTimeouts.first == 400, "SQLite is polled every 400 ms")
        #expect(screen.requestedDescriptors.first == .some(nil), "no descriptor to wait on")
        #expect(screen.text.contains("Dinas Kesehatan"), "the list redrawn")
        #expect(screen.text.contains("Data diubah oleh budi: layar dimuat ulang."))
    }

    @Test func theWaitBacksOffWhileTheConnectionIsLostAndComesBack() {
        let link = ServerLink()
        #expect(link.lost())
        #expect(!link.lost(), "told once")
        var delays: [Int] = []
        for _ in 0..<6 {
            delays.append(link.delay)
            link.failedAttempt()
        }
        #expect(delays == [250, 500, 1000, 1000, 1000, 1000], "tries never block: at least one a second")
        #expect(link.attempts == 6)
        link.restored()
        #expect(!link.isLost && link.delay == 250 && link.attempts == 0)
    }
}
