import Testing

@testable import IPASNFiles

@Suite struct BatchPipeTests {
    private func batch(_ item: BatchPipe<[Int]>.Item) -> [Int]? {
        if case .batch(let values) = item { return values }
        return nil
    }

    private func isEnd(_ item: BatchPipe<[Int]>.Item) -> Bool {
        if case .end = item { return true }
        return false
    }

    @Test func batchesComeOutInOrderAndTheEndStays() {
        let pipe = BatchPipe<[Int]>(capacity: 3)
        #expect(pipe.put(.batch([1, 2])))
        #expect(pipe.put(.batch([3])))
        #expect(pipe.put(.end))
        #expect(batch(pipe.take()) == [1, 2])
        #expect(batch(pipe.take()) == [3])
        #expect(isEnd(pipe.take()))
        // Asking again after the end answers the end again.
        #expect(isEnd(pipe.take()))
    }

    @Test func aFailureStaysInThePipe() {
        struct Broken: Error, Equatable {}
        let pipe = BatchPipe<[Int]>(capacity: 2)
        pipe.put(.batch([7]))
        pipe.put(.failed(Broken()))
        #expect(batch(pipe.take()) == [7])
        for _ in 0..<2 {
            guard case .failed(let error) = pipe.take() else {
                Issue.record("expected the failure")
                return
            }
            #expect(error as? Broken == Broken())
        }
    }

    @Test func cancelDropsWhatIsQueuedAndRefusesMore() {
        let pipe = BatchPipe<[Int]>(capacity: 2)
        pipe.put(.batch([1]))
        pipe.put(.batch([2]))
        #expect(!pipe.isCancelled)
        pipe.cancel()
        #expect(pipe.isCancelled)
        // A full pipe does not block a producer once cancelled: the put is refused at once.
        #expect(!pipe.put(.batch([3])))
        #expect(isEnd(pipe.take()))
        #expect(isEnd(pipe.take()))
    }

    @Test func capacityIsAtLeastOne() {
        let pipe = BatchPipe<[Int]>(capacity: 0)
        #expect(pipe.put(.batch([1])))
        #expect(batch(pipe.take()) == [1])
    }
}
