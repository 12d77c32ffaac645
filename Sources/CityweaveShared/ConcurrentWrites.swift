import Fluent
import SQLKit
import Vapor

/// What keeps concurrent requests for the same record from each acting on
/// it: checks made before a write can all pass at once, so the write itself
/// decides which request won.
extension Model where IDValue == Int {
    /// Deletes this row unless a concurrent request already has: only the request whose statement
    /// removed the row goes on (to log the deletion); the others throw `gone`.
    package func deleteOnce(on database: any Database, orElse gone: @autoclosure () -> any Error) async throws {
        let sql = database as! any SQLDatabase
        let deleted = try await sql.delete(from: Self.schema)
            .where(SQLIdentifier(FieldKey.id.description), .equal, SQLBind(requireID()))
            .returning(SQLIdentifier(FieldKey.id.description)).all()
        guard !deleted.isEmpty else { throw gone() }
    }
}

/// Runs `write`; when a constraint refuses its row because a concurrent request wrote the same record
/// first, throws `duplicate` (the 409 that names that record) instead of a database error.
package func refusingDuplicates<T>(
    _ duplicate: @autoclosure () -> any Error, _ write: () async throws -> T
) async throws -> T {
    do {
        return try await write()
    } catch let error as any DatabaseError where error.isConstraintFailure {
        throw duplicate()
    }
}

extension Database {
    /// Within a transaction, makes concurrent transactions that write the same record wait for this
    /// one: on PostgreSQL the row is locked (`FOR UPDATE`); SQLite's transactions already take the
    /// write lock when they begin (see ``SQLiteWriteTransactions``).
    package func lockRow(_ id: Int, of table: String) async throws {
        let sql = self as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT 1 FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
    }
}
