#if canImport(Glibc)
    import Glibc
#endif

/// glibc gives each thread that allocates its own malloc arena, and memory freed in one arena
/// serves only that arena's threads. The workstation reads on the store's reader threads
/// (a province's employee list is built on one, the dashboard's figures on another), so each
/// big screen left its freed memory behind in an arena the next screen did not use: the
/// workstation's peak RSS went up by the sum instead of the largest. One arena lets the next
/// screen reuse what the last one freed (measured: about 6 MB less peak RSS browsing the
/// province; the workstation's threads rarely allocate at the same time, so there is nothing
/// to contend for). `MALLOC_ARENA_MAX` set by the admin still wins.
enum MallocArenas {
    static func useOne() {
        #if canImport(Glibc)
            // `mallopt` and `M_ARENA_MAX` (-8) come from <malloc.h>, which the Glibc module
            // does not export: found by name (absent on another C library: nothing done).
            guard getenv("MALLOC_ARENA_MAX") == nil, let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            let arenaMax: Int32 = -8
            _ = mallopt(arenaMax, 1)
        #endif
    }
}
