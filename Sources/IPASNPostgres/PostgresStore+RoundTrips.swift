extension PostgresStore {
    /// How many statements this store's connection has sent to the server and waited for so
    /// far (each one round trip over the socket: `BEGIN`, every query and write, `COMMIT`, a
    /// statement's first `PREPARE`). For measuring a path by hand (`ipasn bench --only pgsave`)
    /// and for tests that hold a path to its round trips; the count is never reset.
    public var roundTrips: Int {
        withConnection { $0.roundTrips }
    }
}
