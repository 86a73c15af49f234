import IPASNCore

extension SQLiteStore: SKPSiasnStore {
    public func skpNeedingPredikat(unit: String?) throws -> [SKPNeedingPredikat] { try sqlSKPNeedingPredikat(unit: unit) }
}
