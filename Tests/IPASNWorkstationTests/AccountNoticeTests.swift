import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

@Suite struct AccountNoticeTests {
    @Test func aLoginWithoutAnAccountSeesWhomToAskAndQuitsOnAKey() {
        let screen = VirtualScreen(size: Size(width: 60, height: 12))
        screen.enqueue(event: .resize(Size(width: 60, height: 12)))  // redrawn, still waiting
        screen.enqueue(text: "x")
        screen.enqueue(text: "y")
        AccountNotice.show(.noAccount(login: "budi", operators: ["ani", "rudi"]), on: screen, language: .id)
        #expect(screen.pendingEventCount == 1)  // the first key quit; the second is left
        let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        #expect(lines[1] == "Belum ada akun")
        #expect(lines[3...6] == [
            "Login budi belum punya akun di basis data ini; minta",
            "operator (ani, rudi) menambahkannya dengan `ipasn users",
            "add budi --role ...`.",
            "",
        ])
        #expect(lines[7] == "Tekan tombol apa saja untuk keluar.")
    }

    @Test func wrapsByDisplayWidth() {
        #expect(AccountNotice.wrap("satu dua tiga empat", width: 9) == ["satu dua", "tiga", "empat"])
        #expect(AccountNotice.wrap("panjangsekali x", width: 4) == ["panjangsekali", "x"])
    }
}

@Suite struct FirstOperatorNoticeTests {
    @Test func theFirstOperatorIsToldOnTheMessageLine() throws {
        let screen = VirtualScreen(size: Size(width: 100, height: 24))
        let station = try Workstation(store: try makeStore(), screen: screen, language: .id, context: testContext)
        try station.start()
        station.announceFirstOperator("bkpsdm1")
        #expect(station.app.message?.text.hasPrefix("Anda (bkpsdm1) menjadi operator basis data baru ini.") == true)
    }
}
