import Fluent
import NIOConcurrencyHelpers
import SQLKit

/// What a module reads of the database and holds in memory, tagged with the
/// generation of a ``GenerationCounter`` it was read at: read again when a
/// reader has seen a later generation, and read once for a burst of readers.
package final class GenerationCache<Snapshot: Sendable>: Sendable {
    package typealias Read = @Sendable (any Database) async throws -> (generation: Int, snapshot: Snapshot)

    private typealias Reading = Task<(generation: Int, snapshot: Snapshot), any Error>

    private struct State {
        var held: (generation: Int, snapshot: Snapshot)?
        /// The reading under way, which every reader who needs it awaits.
        var reading: Reading?
    }

    private let state = NIOLockedValueBox(State())
    private let readSnapshot: Read

    /// `read` must read the generation and the snapshot in one transaction, so that they agree.
    package init(read: @escaping Read) {
        readSnapshot = read
    }

    /// What a reader does: use the snapshot held, or await a reading.
    private enum Next {
        case held(Snapshot)
        case reading(Reading)
    }

    /// The snapshot as of `generation` or later, read afresh when the one held is of another generation.
    package func snapshot(atGeneration generation: Int, on database: any Database) async throws -> Snapshot {
        while true {
            let next = state.withLockedValue { state -> Next in
                if let held = state.held, held.generation == generation { return .held(held.snapshot) }
                if let reading = state.reading { return .reading(reading) }
                let reading = Reading { [readSnapshot] in try await readSnapshot(database) }
                state.reading = reading
                return .reading(reading)
            }
            let reading: Reading
            switch next {
            case .held(let snapshot): return snapshot
            case .reading(let underway): reading = underway
            }
            let result = await reading.result
            state.withLockedValue { state in
                guard state.reading == reading else { return }
                state.reading = nil
                if case .success(let read) = result { state.held = read }
            }
            let read = try result.get()
            // A reading begun before the change this reader saw is too old.
            if read.generation >= generation { return read.snapshot }
        }
    }
}

extension Database {
    /// Runs several reads in one transaction that sees one state of the
    /// database: PostgreSQL reads each statement as of its own start unless asked otherwise.
    package func readConsistently<Value: Sendable>(_ reads: @escaping @Sendable (any SQLDatabase) async throws -> Value)
        async throws -> Value
    {
        try await transaction { transaction in
            let sql = transaction as! any SQLDatabase
            if sql.dialect.name == "postgresql" {
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").run()
            }
            return try await reads(sql)
        }
    }
}
