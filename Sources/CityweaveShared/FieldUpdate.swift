/// One field of a partial update (`PATCH`): left out, it stays as it is;
/// sent as null, it is cleared; sent with a value, it takes the value.
package enum FieldUpdate<Value: Sendable>: Sendable {
    case unchanged
    case set(Value?)

    /// The new value, or `current` when the field was left out.
    package func applied(to current: Value?) -> Value? {
        switch self {
        case .unchanged: current
        case .set(let value): value
        }
    }
}

extension KeyedDecodingContainer {
    package func update<Value: Decodable & Sendable>(_ type: Value.Type, forKey key: Key) throws -> FieldUpdate<Value> {
        guard contains(key) else { return .unchanged }
        if try decodeNil(forKey: key) { return .set(nil) }
        return .set(try decode(Value.self, forKey: key))
    }
}
