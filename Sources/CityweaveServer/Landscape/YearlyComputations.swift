import NIOConcurrencyHelpers

/// A value computed per year of the landscape, once per generation, and
/// shared by every request that asks for it meanwhile. Computations run one
/// after another, so that asking for many years at once queues them rather
/// than running them all together; a computation pushed out of the most
/// recently used years (``RecentYears``) before it starts is cancelled, and
/// one that fails is forgotten, so that the next request tries again.
final class YearlyComputations<Value: Sendable>: Sendable {
    typealias Compute = @Sendable () async throws -> Value

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

    /// The value of `year` at `generation` or later: the one held, the one under way, or a new one.
    func value(year: Int, generation: Int, compute: @escaping Compute) async throws -> Value {
        switch entry(year: year, generation: generation, compute: compute) {
        case .computed(_, let value):
            return value
        case .computing(_, let computation):
            do {
                return try await computation.value
            } catch {
                state.withLockedValue { state in
                    if case .computing(generation, _) = state.entries.value(forYear: year) {
                        state.entries.remove(year: year)
                    }
                }
                throw error
            }
        }
    }

    /// The value of `year` at `generation` or later if it is computed; otherwise nil, and its
    /// computation is started, so that a page need not wait for it.
    func valueIfComputed(year: Int, generation: Int, compute: @escaping Compute) -> Value? {
        guard case .computed(_, let value) = entry(year: year, generation: generation, compute: compute) else {
            return nil
        }
        return value
    }

    private func entry(year: Int, generation: Int, compute: @escaping Compute) -> Entry {
        state.withLockedValue { state in
            if let held = state.entries.value(forYear: year), held.generation >= generation { return held }
            let previous = state.last
            let computation = Computation {
                _ = await previous?.result
                try Task.checkCancellation()
                let value = try await compute()
                self.state.withLockedValue { state in
                    if case .computing(generation, _) = state.entries.value(forYear: year) {
                        state.entries.set(.computed(generation: generation, value), forYear: year)
                    }
                }
                return value
            }
            state.last = computation
            let entry = Entry.computing(generation: generation, computation)
            if case .computing(_, let pushedOut) = state.entries.set(entry, forYear: year) { pushedOut.cancel() }
            return entry
        }
    }
}
