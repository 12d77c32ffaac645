import NIOConcurrencyHelpers

/// A value computed per year of the landscape, once per generation, and
/// shared by every request that asks for it meanwhile. Computations run one
/// after another, so that asking for many years at once queues them rather
/// than running them all together; a computation pushed out of the most
/// recently used years (``RecentYears``) before it starts is cancelled, and
/// one that fails is forgotten, so that the next request tries again.
package final class YearlyComputations<Value: Sendable>: Sendable {
    package typealias Compute = @Sendable () async throws -> Value

    private typealias Computation = Task<Value, any Error>

    private enum Entry: Sendable {
        case computing(generation: Int, Computation)
        case computed(generation: Int, Value)

        var generation: Int {
            switch self {
            case .computing(let generation, _), .computed(let generation, _): generation
            }
        }
    }

    private struct State: Sendable {
        var entries = RecentYears<Entry>()
        /// The computation started last, which the next one waits for.
        var last: Computation?
    }

    private let state = NIOLockedValueBox(State())

    /// The value of `year` at `generation` or later: the one held, the one under way, or a new one,
    /// which `admit` may refuse to start by throwing.
    package func value(
        year: Int, generation: Int, admit: () throws -> Void = {}, compute: @escaping Compute
    ) async throws -> Value {
        switch try entry(year: year, generation: generation, admit: admit, compute: compute) {
        case .computed(_, let value):
            return value
        case .computing(_, let computation):
            return try await computation.value
        }
    }

    /// The value of `year` at `generation` or later if it is computed; otherwise nil, and its
    /// computation is started, so that a page need not wait for it.
    package func valueIfComputed(year: Int, generation: Int, compute: @escaping Compute) -> Value? {
        guard case .computed(_, let value) = try? entry(year: year, generation: generation, compute: compute) else {
            return nil
        }
        return value
    }

    /// Replaces the computation of `year` at `generation`, if it is still the one held, by its value, or
    /// forgets it when it failed.
    private func settle(year: Int, generation: Int, as entry: Entry?) {
        state.withLockedValue { state in
            guard case .computing(generation, _) = state.entries.value(forYear: year) else { return }
            if let entry { state.entries.set(entry, forYear: year) } else { state.entries.remove(year: year) }
        }
    }

    private func entry(year: Int, generation: Int, admit: () throws -> Void = {}, compute: @escaping Compute)
        throws -> Entry
    {
        try state.withLockedValue { state in
            if let held = state.entries.value(forYear: year), held.generation >= generation { return held }
            try admit()
            let previous = state.last
            let computation = Computation {
                _ = await previous?.result
                let value: Value
                do {
                    try Task.checkCancellation()
                    value = try await compute()
                } catch {
                    self.settle(year: year, generation: generation, as: nil)
                    throw error
                }
                self.settle(year: year, generation: generation, as: .computed(generation: generation, value))
                return value
            }
            state.last = computation
            let entry = Entry.computing(generation: generation, computation)
            if case .computing(_, let pushedOut) = state.entries.set(entry, forYear: year) { pushedOut.cancel() }
            return entry
        }
    }
}
