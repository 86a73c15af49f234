import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport

typealias Record = IPASNCore.Record

let testContext = TestClock.context()
let nipA = SmallProvince.nipA
let nipB = SmallProvince.nipB
let nipC = SmallProvince.nipC

func teknis(_ nip: String, _ nama: String = "Bimtek Arsip", jp: Int = 20, end: String = "2024-03-03") -> Record {
    SmallProvince.teknis(nip, nama, jp: jp, end: end)
}

/// An in-memory store with ``SmallProvince`` seeded (measurement year 2024).
func seededStore(context: StoreContext = testContext) throws -> SQLiteStore {
    let store = try SQLiteStore.inMemory(context: context)
    try SmallProvince.seed(store)
    return store
}

/// Seeds ``SmallProvince`` (units, employees, measurement year 2024) into `store`.
func seed(_ store: some Store) throws {
    try SmallProvince.seed(store)
}

/// The shared clock's moment (``TestClock/now``).
let fixedNow = TestClock.now

func d(_ text: String) -> LocalDate { TestClock.date(text) }

/// A fresh temporary directory; remove it with `FileManager.default.removeItem(at:)`.
func tempDirectory() throws -> URL { try TemporaryDirectory().url }
