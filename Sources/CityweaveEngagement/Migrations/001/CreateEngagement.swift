import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit

package struct CreateEngagement: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Engagement.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("sponsor", .string, .required)
            .field("level", .string, .required)
            .field("hours_per_month", .double, .required)
            .field("yearly_fee", .double, .required)
            .field("objectives", .string, .required)
            .field("status", .string, .required)
            .field("handover_notes", .string, .required)
            .field("is_example", .bool, .required)
            .field("city_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            .field("network_id", .int, .references(Network.schema, "id", onDelete: .setNull))
            .field("partnership_id", .int, .references(Partnership.schema, "id", onDelete: .setNull))
            .field("owner_id", .uuid, .references(User.schema, "id"))
            .field("backup_id", .uuid, .references(User.schema, "id"))
            .create()
        try await database.schema(ValueEntry.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .field("rating", .int, .required)
            .field("note", .string, .required)
            .field("link", .string, .required)
            .field("is_example", .bool, .required)
            .field("engagement_id", .int, .required, .references(Engagement.schema, "id", onDelete: .cascade))
            .field("recorded_by_id", .uuid, .references(User.schema, "id"))
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX engagements_city ON engagements (city_id)").run()
        try await sql.raw("CREATE INDEX engagements_network ON engagements (network_id)").run()
        try await sql.raw(
            "CREATE INDEX engagement_value_entries_engagement ON engagement_value_entries (engagement_id)"
        )
        .run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(ValueEntry.schema).delete()
        try await database.schema(Engagement.schema).delete()
    }
}
