import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit

package struct CreatePracticeTransfer: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(PracticeTransfer.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("stage", .string, .required)
            .field("counts_as_evidence", .bool, .required)
            .field("is_example", .bool, .required)
            .field("practice_id", .int, .required, .references(Practice.schema, "id", onDelete: .cascade))
            .field("city_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            // A city adapts a practice once; its steps tell the story.
            .unique(on: "practice_id", "city_id")
            .create()
        try await database.schema(TransferStep.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("stage", .string, .required)
            .field("date", .string, .required)
            .field("notes", .string, .required)
            .field("transfer_id", .int, .required, .references(PracticeTransfer.schema, "id", onDelete: .cascade))
            .field("recorded_by_id", .uuid, .references(User.schema, "id"))
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX practice_transfers_city ON practice_transfers (city_id)").run()
        try await sql.raw("CREATE INDEX practice_transfer_steps_transfer ON practice_transfer_steps (transfer_id)")
            .run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(TransferStep.schema).delete()
        try await database.schema(PracticeTransfer.schema).delete()
    }
}
