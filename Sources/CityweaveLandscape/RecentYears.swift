/// Values kept per year of the landscape for the most recently used years
/// only: anyone may ask for every year from 1900, and an analysis of the
/// whole directory holds megabytes.
package struct RecentYears<Value> {
    package static var capacity: Int { 8 }

    private var entries: [Int: (value: Value, used: UInt64)] = [:]
    private var clock: UInt64 = 0

    package mutating func value(forYear year: Int) -> Value? {
        guard let entry = entries[year] else { return nil }
        clock += 1
        entries[year] = (entry.value, clock)
        return entry.value
    }

    /// Keeps `value`, forgetting the least recently used year when more than ``capacity`` are held;
    /// returns what it forgot.
    @discardableResult
    package mutating func set(_ value: Value, forYear year: Int) -> Value? {
        clock += 1
        entries[year] = (value, clock)
        guard entries.count > Self.capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key
        else { return nil }
        return entries.removeValue(forKey: oldest)?.value
    }

    package mutating func remove(year: Int) {
        entries[year] = nil
    }
}

extension RecentYears: Sendable where Value: Sendable {}
