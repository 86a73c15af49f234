import Testing

@testable import IPASNStore

/// Branch mem2: the hand-measuring aid reads the peak and current resident memory from
/// `/proc/self/status` lines as the kernel writes them.
@Suite struct MemoryTraceTests {
    @Test func theStatusFieldsAreReadInKiB() {
        let status = "Name:\tipasn\nVmPeak:\t  912340 kB\nVmHWM:\t   75848 kB\nVmRSS:\t   74112 kB\nThreads:\t2\n"
        #expect(MemoryTrace.kibibytes(of: "VmHWM", in: status) == 75848)
        #expect(MemoryTrace.kibibytes(of: "VmRSS", in: status) == 74112)
        #expect(MemoryTrace.kibibytes(of: "VmSwap", in: status) == nil)
        #expect(MemoryTrace.kibibytes(of: "Vm", in: status) == nil, "a field's name is matched whole")
        #expect(MemoryTrace.megabytes(75848) == "74.1")
    }
}
