import Fluent
import FluentSQLiteDriver
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// SQLite through Fluent, with every transaction begun `IMMEDIATE`.
///
/// Fluent begins SQLite transactions `DEFERRED`: a transaction that reads
/// first holds a read snapshot, and when it then writes while another
/// connection has written, SQLite refuses at once ("database is locked")
/// instead of waiting out the busy timeout, because waiting could deadlock.
/// `BEGIN IMMEDIATE` takes the write lock at the start, where the busy
/// timeout applies, so concurrent writers queue instead of failing.
///
/// Within the process, transactions also take turns before they ask for a
/// connection (``WriteTurns``): SQLite waits out its busy timeout on a
/// thread of the shared pool, and writers blocking those threads could keep
/// the transaction they wait for from finishing.
package struct SQLiteWriteTransactions: DatabaseConfiguration {
    package var base: any DatabaseConfiguration

    package var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    package func makeDriver(for databases: Databases) -> any DatabaseDriver {
        Driver(base: base.makeDriver(for: databases), turns: WriteTurns())
    }

    private struct Driver: DatabaseDriver {
        let base: any DatabaseDriver
        let turns: WriteTurns

        func makeDatabase(with context: DatabaseContext) -> any Database {
            ImmediateTransactionDatabase(base: base.makeDatabase(with: context), turns: turns, inTransaction: false)
        }

        func shutdown() { base.shutdown() }
        func shutdownAsync() async { await base.shutdownAsync() }
    }
}

extension DatabaseConfigurationFactory {
    /// SQLite with immediate transactions (see `SQLiteWriteTransactions`).
    package static func sqliteWithImmediateTransactions(_ configuration: SQLiteConfiguration) -> Self {
        let base = DatabaseConfigurationFactory.sqlite(
            configuration, connectionPoolTimeout: CityweaveConfiguration.connectionWait, sqlLogLevel: .debug)
        return .init { SQLiteWriteTransactions(base: base.make()) }
    }
}

/// Fluent's SQLite database, but for how it begins a transaction.
private struct ImmediateTransactionDatabase: Database, SQLDatabase {
    let base: any Database
    let turns: WriteTurns
    let inTransaction: Bool

    private var sql: any SQLDatabase { base as! any SQLDatabase }

    var context: DatabaseContext { base.context }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void)
        -> EventLoopFuture<Void>
    {
        base.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>)
        -> EventLoopFuture<T>
    {
        let (turns, inTransaction) = (turns, inTransaction)
        return base.withConnection { connection in
            closure(ImmediateTransactionDatabase(base: connection, turns: turns, inTransaction: inTransaction))
        }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard !inTransaction else { return closure(self) }
        let (base, turns) = (base, turns)
        return eventLoop.makeFutureWithTask { await turns.take() }.flatMap {
            base.withConnection { connection in
                Self.immediateTransaction(on: connection, turns: turns, closure)
            }
        }.always { _ in turns.pass() }.map(\.value)
    }

    private static func immediateTransaction<T>(
        on connection: any Database, turns: WriteTurns,
        _ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>
    ) -> EventLoopFuture<Handed<T>> {
        let sql = connection as! any SQLDatabase
        let transaction = ImmediateTransactionDatabase(base: connection, turns: turns, inTransaction: true)
        return sql.raw("BEGIN IMMEDIATE TRANSACTION").run()
            .flatMap { closure(transaction).map { Handed(value: $0) } }
            .flatMap { handed in sql.raw("COMMIT TRANSACTION").run().map { handed } }
            .flatMapError { error in
                sql.raw("ROLLBACK TRANSACTION").run().recover { _ in }.flatMapThrowing { throw error }
            }
    }

    // SQLDatabase

    var dialect: any SQLDialect { sql.dialect }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        sql.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await sql.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await sql.withSession(closure)
    }
}

/// Carries a transaction's result along its chain of futures, which hands it on and never shares it.
private struct Handed<Value>: @unchecked Sendable {
    let value: Value
}

/// The process's writers to one SQLite database, one transaction at a time, waiting without holding
/// a thread or a connection.
private final class WriteTurns: Sendable {
    private struct State {
        var taken = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = NIOLockedValueBox(State())

    func take() async {
        await withCheckedContinuation { continuation in
            let mayGo = state.withLockedValue { state in
                if state.taken {
                    state.waiting.append(continuation)
                    return false
                }
                state.taken = true
                return true
            }
            if mayGo { continuation.resume() }
        }
    }

    func pass() {
        let next: CheckedContinuation<Void, Never>? = state.withLockedValue { state in
            if state.waiting.isEmpty {
                state.taken = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
