import Foundation

extension Array where Element: Sendable {
    /// The transform of each element, computed on all cores, in order.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = ConcurrentResults<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.store(transform(self[index]), at: index) }
        return results.values.map { $0! }
    }
}

/// Slots that concurrent work fills, each written once by one thread.
private final class ConcurrentResults<T>: @unchecked Sendable {
    private(set) var values: [T?]
    private let lock = NSLock()

    init(count: Int) { values = [T?](repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.withLock { values[index] = value }
    }
}
