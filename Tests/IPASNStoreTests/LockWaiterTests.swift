import Foundation
import Testing

@testable import IPASNStore

/// The busy policy, with an injected clock and lock probe: a write waits as long as the
/// transaction holding the lock makes progress, and gives up only on a stuck lock.
@Suite struct LockWaiterTests {
    /// A fake clock and probe the test moves by hand.
    final class World: @unchecked Sendable {
        var now: TimeInterval = 1000
        var progress = LockProgress()
    }

    func waiter(_ world: World, stall: TimeInterval = 20) -> LockWaiter {
        LockWaiter(
            patience: LockPatience(stallLimit: stall, reportAfter: 0.5, reportInterval: 0.25),
            probe: { world.progress }, clock: { world.now })
    }

    @Test func keepsWaitingForMinutesWhileTheHolderMakesProgress() {
        let world = World()
        let lock = waiter(world)
        #expect(lock.decide(tries: 0).keepWaiting)
        // A large import: the WAL grows every 10 s for 5 minutes, far past the old 5 s limit.
        for step in 1...30 {
            world.now += 10
            world.progress.walSize = Int64(step) * 4096
            #expect(lock.decide(tries: step).keepWaiting, "gave up at \(step * 10) s although the WAL grew")
        }
    }

    @Test func theHoldersCPUTimeCountsAsProgress() {
        let world = World()
        world.progress.holder = 4242
        world.progress.holderCPU = 100
        let lock = waiter(world)
        _ = lock.decide(tries: 0)
        for step in 1...10 {
            world.now += 15
            world.progress.holderCPU = 100 + UInt64(step) * 50
            #expect(lock.decide(tries: step).keepWaiting)
        }
    }

    @Test func aStuckLockEndsTheWaitAfterTheStallLimit() {
        let world = World()
        let lock = waiter(world, stall: 20)
        _ = lock.decide(tries: 0)
        world.now += 19.9
        #expect(lock.decide(tries: 1).keepWaiting)
        world.now += 0.2
        #expect(!lock.decide(tries: 2).keepWaiting)
    }

    @Test func progressRestartsTheStallClockAndANewWaitStartsFresh() {
        let world = World()
        let lock = waiter(world, stall: 20)
        _ = lock.decide(tries: 0)
        world.now += 15
        world.progress.databaseModified = 1
        #expect(lock.decide(tries: 1).keepWaiting)
        world.now += 15  // 30 s in, 15 s since the change
        #expect(lock.decide(tries: 2).keepWaiting)
        world.now += 6  // 21 s since the change
        #expect(!lock.decide(tries: 3).keepWaiting)
        // The next write's wait (tries 0) does not inherit the stall.
        world.now += 100
        #expect(lock.decide(tries: 0).keepWaiting)
    }

    @Test func theWaitIsReportedAfterHalfASecondAndThenFourTimesASecond() {
        let world = World()
        let lock = waiter(world)
        var reports: [TimeInterval] = []
        for step in 0...20 {
            if let report = lock.decide(tries: step).report { reports.append(report.waited) }
            world.now += 0.125
            world.progress.walSize += 1
        }
        // Calls at 0, 0.125, ..., 2.5 s: reported at 0.5 s, then every 0.25 s.
        #expect(reports == [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5])
    }

    @Test func cleanUpWorkDoesNotWait() {
        let world = World()
        let lock = waiter(world)
        lock.withoutWaiting { #expect(!lock.decide(tries: 0).keepWaiting) }
        #expect(lock.decide(tries: 0).keepWaiting)
    }

    @Test func findsTheProcessHoldingTheWALWriteLock() {
        let locks = """
            1: POSIX  ADVISORY  READ 700 fd:01:555 124 124
            2: -> POSIX  ADVISORY  WRITE 901 fd:01:555 120 120
            3: POSIX  ADVISORY  WRITE 800 fd:01:999 120 120
            4: POSIX  ADVISORY  WRITE 812 fd:01:555 120 120
            5: FLOCK  ADVISORY  WRITE 33 fd:01:555 0 EOF
            """
        // 700 only reads, 901 is blocked waiting, 800 locks another file: 812 holds it.
        #expect(LockProbe.writeLockHolder(procLocks: locks, inode: 555) == 812)
        #expect(LockProbe.writeLockHolder(procLocks: locks, inode: 777) == nil)
        #expect(LockProbe.writeLockHolder(procLocks: "1: POSIX  ADVISORY  WRITE 5 08:02:555 0 EOF", inode: 555) == 5)
    }

    @Test func readsCPUTimeFromProcStatEvenWithParenthesesInTheName() {
        let stat = "4242 (ipasn (x) y) S 1 4242 4242 0 -1 4194560 1000 0 0 0 37 5 0 0 20 0 1 0 100 1000 10"
        #expect(LockProbe.cpuTicks(procStat: stat) == 42)
        #expect(LockProbe.cpuTicks(procStat: "garbage") == nil)
    }
}
