import CityweaveCore
import Fluent
import SQLKit

/// An allocation's reasons are worded in each reader's language, so they are kept as messages
/// (`reason_messages`, a list of JSON values) in place of their English (`reasons`). A reason saved
/// before was worded once, in English: it stays as it was written, a message of no catalogue.
package struct StoreAllocationReasonsAsMessages: AsyncMigration {
    /// Allocations rewritten at a time, so that many runs' proposals are not held in memory at once.
    static let batch = 500

    package func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await Self.replace("reasons", by: "reason_messages", of: .json, on: db) { (reasons: [String]) in
                reasons.map(Message.name)
            }
        }
    }

    package func revert(on database: any Database) async throws {
        try await database.transaction { db in
            try await Self.replace("reason_messages", by: "reasons", of: .string, on: db) { (reasons: [Message]) in
                reasons.map(\.englishText)
            }
        }
    }

    /// Adds the list column `new` of `element`s, fills it from every allocation's column `old`, then drops `old`.
    private static func replace<Old: Decodable, New: Encodable & Sendable>(
        _ old: String, by new: String, of element: DatabaseSchema.DataType, on database: any Database,
        _ convert: (Old) -> New
    ) async throws {
        let sql = database as! any SQLDatabase
        // SQLite adds a NOT NULL column only with a default: an empty list, as each database writes one.
        let empty = sql.dialect.name == "postgresql" ? "{}" : "[]"
        try await database.schema(AidAllocation.schema)
            .field(.string(new), .array(of: element), .required, .sql(.default(empty))).update()
        var after = 0
        while true {
            let rows = try await sql.select().column("id").column(old).from(AidAllocation.schema)
                .where("id", .greaterThan, after).orderBy("id").limit(batch).all()
            guard let last = rows.last else { break }
            for row in rows {
                try await sql.update(AidAllocation.schema)
                    .set(new, to: convert(try row.decode(column: old, as: Old.self)))
                    .where("id", .equal, try row.decode(column: "id", as: Int.self)).run()
            }
            after = try last.decode(column: "id", as: Int.self)
        }
        try await database.schema(AidAllocation.schema).deleteField(.string(old)).update()
    }
}
