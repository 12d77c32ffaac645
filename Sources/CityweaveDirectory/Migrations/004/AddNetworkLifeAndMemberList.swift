import Fluent
import SQLKit

/// Networks learn when they ended and who took over (100 Resilient Cities,
/// 2013–2019, succeeded by the Resilient Cities Network), and where their
/// member list comes from: a network with no source has no known member
/// list, which is not the same as having no members.
package struct AddNetworkLifeAndMemberList: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        // One column at a time: SQLite adds a single column per ALTER TABLE.
        try await database.schema(Network.schema).field("ended", .int).update()
        try await database.schema(Network.schema)
            .field("successor_id", .int, .references(Network.schema, "id", onDelete: .setNull)).update()
        try await database.schema(Network.schema).field("member_list_source", .string).update()
        try await database.schema(Network.schema)
            .field("member_list_note", .string, .required, .sql(.default(""))).update()
    }

    package func revert(on database: any Database) async throws {
        for field in ["ended", "successor_id", "member_list_source", "member_list_note"] {
            try await database.schema(Network.schema).deleteField(.key(.init(stringLiteral: field))).update()
        }
    }
}
