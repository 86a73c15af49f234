import IPASNStore

extension App {
    /// On every tick (the wait ended without input, or the store's descriptor woke it):
    /// asks the store's change feed what happened. Another session's change reloads the
    /// screen (``refreshIfChanged()``); a lost server connection says so and tries to
    /// reconnect on the following ticks (each try without blocking: keys keep working); the
    /// open form keeps its input.
    func followChanges() {
        if link.isLost {
            tryReconnect()
            return
        }
        let news = store.pollChanges()
        if link.takeHeldChange() || news == .changed { refreshIfChanged() }
        if case .disconnected = news { connectionLost() }
    }

    /// A change failed with an I/O error: when the server connection is what failed, says
    /// so (the save can be retried once reconnected) and returns true.
    func explainServerFailure(_ error: Error) -> Bool {
        guard case .io = error as? StoreError else { return false }
        if !link.isLost {
            switch store.pollChanges() {
            case .disconnected: link.lost()
            case .changed:
                link.holdChange()  // the next tick reloads
                return false
            case .quiet: return false
            }
        }
        warn(t(L.saveFailedServerLost))
        return true
    }

    /// What a form (or a grid) shows for a save that failed with `error`: when the server
    /// connection is what failed, "Tidak tersimpan: server basis data terputus..." (the input
    /// stays; save again once reconnected) and the reconnection starts; otherwise the store's
    /// own message.
    func storeFailureText(_ error: Error) -> String {
        explainServerFailure(error) ? t(L.saveFailedServerLost) : t(L.storeError(error))
    }

    private func connectionLost() {
        link.lost()
        warn(t(L.serverLost(nextTrySeconds: max(1, link.delay / 1000))))
    }

    private func tryReconnect() {
        // Never blocks: the store connects in the background (``ChangeFeed/reconnect()``).
        guard store.reconnect() else {
            link.failedAttempt()
            warn(t(L.serverUnreachable(tries: link.attempts)))
            return
        }
        link.restored()
        _ = store.pollChanges()  // the feed's bearings on the new connection
        try? reloadSettings()
        // A form stays as typed (the page under it reloads when it closes); anything else
        // shows what changed while the connection was down.
        if top?.hasUnsavedInput != true { top?.reload(app: self) }
        seenGeneration = (try? store.dataGeneration()) ?? seenGeneration
        inform(t(L.serverBack))
    }
}
