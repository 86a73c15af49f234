import Foundation
import IPASNCore

/// The settings (the measurement year and the ruleset in `config`), written once for both
/// engines: checked (operators only), audited as action `config` with the values in their
/// stored form, and the scores brought up to date in the same transaction. Reading them stays
/// in each engine (`measurementYear`, `ruleset`: every save reads them, through SQLite's cached
/// statement and its parsed-ruleset cache).
extension SQLStore {
    /// Sets the measurement year (audited); its scores are computed and cached when they are not yet.
    public func setMeasurementYear(_ year: Int) throws {
        try sqlWrite { db in
            try sqlPermit(.settings, db)
            let old = try db.fetchValue(String.self, sql: "SELECT value FROM config WHERE key = 'year'")
            try setConfig("year", String(year), db)
            try auditSetting("year", old: old, new: String(year), db)
            try sqlEnsureCached(year: year, db)
        }
    }

    /// Installs a ruleset (nil returns to bkn-2019) and recomputes every cached score, in one transaction.
    public func setRuleset(_ ruleset: Ruleset?) throws {
        try sqlWrite { db in
            try sqlPermit(.settings, db)
            let old = try db.fetchValue(String.self, sql: "SELECT value FROM config WHERE key = 'ruleset'")
            var new: String?
            if let ruleset {
                let check = RulesetFile.validate(ruleset)
                guard check.isValid else { throw RulesetFileError(problems: check.errors) }
                let json = try StoreCodec.json(ruleset)
                try setConfig("ruleset", json, db)
                new = json
            } else {
                try db.execute(sql: "DELETE FROM config WHERE key = 'ruleset'")
            }
            try auditSetting("ruleset", old: old, new: new, db)
            try sqlRecomputeAllCached(db)
        }
    }

    /// Stores one setting.
    package func setConfig(_ key: String, _ value: String, _ db: Connection) throws {
        try db.execute(
            sql: "INSERT INTO config(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    /// Writes the audit row of a setting's change (action `config`, entity `config`, the key as
    /// its id), the values already in their stored form: the year as text, the ruleset as
    /// sorted-key JSON, as ``AuditRows/text(_:_:)`` writes them.
    package func auditSetting(_ key: String, old: String?, new: String?, _ db: Connection) throws {
        try db.execute(
            sql: """
                INSERT INTO audit(at, actor, action, entity, entity_id, nip, old_value, new_value, session, undoes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                context.now(), context.actor, AuditAction.config.rawValue, "config", key, nil, old, new, context.session, nil,
            ])
    }
}
