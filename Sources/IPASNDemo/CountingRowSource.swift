import IPASNStore

/// A row source that tells `report` how many rows it has given, every `every` rows and at
/// its end (the demo's progress bar).
struct CountingRowSource<Inner: ImportRowSource>: ImportRowSource {
    var inner: Inner
    var every = 1024
    let report: (Int) -> Void
    private var given = 0

    init(inner: Inner, every: Int = 1024, report: @escaping (Int) -> Void) {
        self.inner = inner
        self.every = max(1, every)
        self.report = report
    }

    var kind: ImportKind { inner.kind }
    /// Only the demo's import runs through this source.
    var isDemo: Bool { true }
    /// The generated sample is the program's own: two generated course names that happen to
    /// resemble each other are no admin's slip, and must not refuse the whole sample.
    var allowsSimilar: Bool { true }

    mutating func next() throws -> Line<ImportRow>? {
        guard let row = try inner.next() else {
            report(given)
            return nil
        }
        given += 1
        if given % every == 0 { report(given) }
        return row
    }

    mutating func willCommit(issues: [LineIssue]) throws {
        try inner.willCommit(issues: issues)
    }
}
