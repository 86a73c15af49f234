import Foundation
import IPASNCore
import IPASNStore
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension StoreConformance {
    /// Waits (up to 10 s, an upper bound, not a timing) for `store`'s change descriptor to
    /// become readable, as the workstation's wait does; a store without one is polled at once.
    /// Returns what the feed then says.
    public static func nextNews(_ store: any Store) -> ChangeFeedState {
        if let descriptor = store.changeDescriptor() {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&entry, 1, 10_000)
        }
        return store.pollChanges()
    }

    static let changeFeed: [StoreBehaviour] = [
        StoreBehaviour(shared: "the change feed tells one store, within its wait, that another session changed data") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            // Either a descriptor to wait on, or a poll interval short enough for "< 1 s".
            #expect(ani.changeDescriptor() != nil || (ani.changePollMilliseconds ?? 2000) <= 1000)
            _ = ani.pollChanges()  // bearings: the setup's changes
            #expect(ani.pollChanges() == .quiet, "nothing happened since")

            // A draft and reads change no data: nothing to tell.
            try budi.saveDraft(draft("diklat", nipA, "belum disimpan"), owner: "budi")
            _ = try budi.unitFigures(year: 2024)
            #expect(ani.pollChanges() == .quiet)

            // Budi saves a course: Ani's feed says so, once.
            try budi.add(SmallProvince.teknis(nipB, jp: 20))
            #expect(nextNews(ani) == .changed)
            #expect(ani.pollChanges() == .quiet, "told once")
            // ... and so for an undo, a unit, a setting.
            _ = try budi.undoLast(session: "b")
            #expect(nextNews(ani) == .changed)
            try budi.saveUnit(OrgUnit(kode: "SUB2", nama: "Subbidang", induk: "SUB"))
            #expect(nextNews(ani) == .changed)
            try budi.setMeasurementYear(2023)
            #expect(nextNews(ani) == .changed)
            #expect(ani.pollChanges() == .quiet)
            // A file or server that stays up needs no reconnection.
            #expect(ani.reconnect())
        }
    ]
}
