import Testing

@testable import IPASNPostgres

/// ``PGArrayText``'s array literals (PostgreSQL's text input form for `unnest` parameters): every
/// element quoted, `\` and `"` escaped with a backslash, other bytes (UTF-8) as they are. No
/// server needed; the server's reading of these literals is exercised by every bulk path.
@Suite struct PGArrayTextTests {
    @Test func stringsAreQuotedAndTheirQuotesAndBackslashesEscaped() {
        #expect(PGArrayText.strings([]) == "{}")
        #expect(PGArrayText.strings(["198001012005011001"]) == #"{"198001012005011001"}"#)
        #expect(PGArrayText.strings([#"a"b"#, #"c\d"#, "Dinas Pendidikan, Kota", "é€", ""])
            == #"{"a\"b","c\\d","Dinas Pendidikan, Kota","é€",""}"#)
    }

    @Test func integersAreJoinedPlain() {
        #expect(PGArrayText.integers([]) == "{}")
        #expect(PGArrayText.integers([2024, -1, 0]) == "{2024,-1,0}")
    }
}
