import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent
import FluentSQL

package struct CreateAidPost: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(AidPost.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("kind", .string, .required)
            .field("quantity", .int, .required)
            .field("allocated", .int, .required)
            .field("available_from", .string)
            .field("available_until", .string)
            .field("needed_by", .string)
            .field("urgency", .string)
            .field("crosses_borders", .bool, .required)
            .field("max_distance_km", .double)
            .field("transport_paid_by", .string, .required)
            .field("conditions", .string, .required)
            .field("contact", .string, .required)
            .field("status", .string, .required)
            .field("closed_at", .datetime)
            .field("is_example", .bool, .required)
            .field("city_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            .field("resource_id", .int, .required, .references(AidResource.schema, "id"))
            .field("posted_by_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            // The invariant the acceptances keep, checked by the database too.
            .constraint(.sql(.check(SQLRaw("allocated >= 0 AND allocated <= quantity AND quantity > 0"))))
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX aid_posts_resource ON aid_posts (resource_id, kind, status)").run()
        try await sql.raw("CREATE INDEX aid_posts_city ON aid_posts (city_id)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(AidPost.schema).delete()
    }
}
