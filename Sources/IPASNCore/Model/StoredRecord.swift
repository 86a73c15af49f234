/// A stored record: the record with its database id.
public struct StoredRecord<Value: Hashable & Sendable>: Hashable, Sendable {
    public var id: Int64
    public var value: Value

    public init(id: Int64, value: Value) {
        self.id = id
        self.value = value
    }
}
