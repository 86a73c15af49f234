import IPASNCore
import IPASNFiles
import IPASNStore
import Testing

/// A deleted diklat is reported by the SIASN shape that sent it: leadership diklat (jenis 1)
/// by diklat struktural, every other diklat by kursus; other kinds by their own shape only.
@Suite struct ExportDeletionShapeTests {
    static func deleted(_ kind: RecordKind, jenis: Int?) -> SentDeletion {
        SentDeletion(id: RecordID(kind: kind, id: 7), nip: "198609262015051001", unit: "ROOT", what: "x", diklatJenis: jenis, batch: 1)
    }

    @Test func eachDeletionBelongsToTheShapeThatCarriesItsRecord() {
        let struktural = Self.deleted(.diklat, jenis: JenisDiklat.struktural.id)
        let teknis = Self.deleted(.diklat, jenis: 3)
        #expect(ExportKind.siasnDiklatStruktural.carries(struktural))
        #expect(!ExportKind.siasnKursus.carries(struktural))
        #expect(ExportKind.siasnKursus.carries(teknis))
        #expect(!ExportKind.siasnDiklatStruktural.carries(teknis))
        #expect(ExportKind.siasnSKP.carries(Self.deleted(.skp, jenis: nil)))
        #expect(!ExportKind.siasnSKP.carries(Self.deleted(.pendidikan, jenis: nil)))
        #expect(ExportKind.siasnPendidikan.carries(Self.deleted(.pendidikan, jenis: nil)))
    }
}
