import IPASNCore
import IPASNStore

extension PostgresStore: SKPSiasnStore {
    public func skpNeedingPredikat(unit: String?) throws -> [SKPNeedingPredikat] { try sqlSKPNeedingPredikat(unit: unit) }
}
