import Fluent
import FluentSQLiteDriver
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
struct SQLiteWriteTransactions: DatabaseConfiguration {
    var base: any DatabaseConfiguration

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        Driver(base: base.makeDriver(for: databases))
    }

    private struct Driver: DatabaseDriver {
        let base: any DatabaseDriver

        func makeDatabase(with context: DatabaseContext) -> any Database {
            ImmediateTransactionDatabase(base: base.makeDatabase(with: context), inTransaction: false)
        }

        func shutdown() { base.shutdown() }
        func shutdownAsync() async { await base.shutdownAsync() }
    }
}

extension DatabaseConfigurationFactory {
    /// SQLite with immediate transactions (see `SQLiteWriteTransactions`).
    static func sqliteWithImmediateTransactions(_ configuration: SQLiteConfiguration) -> Self {
        let base = DatabaseConfigurationFactory.sqlite(configuration, sqlLogLevel: .debug)
        return .init { SQLiteWriteTransactions(base: base.make()) }
    }
}

/// Fluent's SQLite database, but for how it begins a transaction.
private struct ImmediateTransactionDatabase: Database, SQLDatabase {
    let base: any Database
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
        let inTransaction = inTransaction
        return base.withConnection { connection in
            closure(ImmediateTransactionDatabase(base: connection, inTransaction: inTransaction))
        }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard !inTransaction else { return closure(self) }
        return base.withConnection { connection in
            let sql = connection as! any SQLDatabase
            let transaction = ImmediateTransactionDatabase(base: connection, inTransaction: true)
            return sql.raw("BEGIN IMMEDIATE TRANSACTION").run()
                .flatMap { closure(transaction).map { Handed(value: $0) } }
                .flatMap { handed in sql.raw("COMMIT TRANSACTION").run().map { handed } }
                .flatMapError { error in
                    sql.raw("ROLLBACK TRANSACTION").run().recover { _ in }.flatMapThrowing { throw error }
                }
        }.map(\.value)
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
