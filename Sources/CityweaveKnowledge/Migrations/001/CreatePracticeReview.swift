import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit

package struct CreatePracticeReview: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(PracticeReview.schema)
            .field("id", .int, .identifier(auto: true))
            .field("reviewed_at", .datetime, .required)
            .field("missing_sections", .array(of: .string), .required)
            .field("readable_alone", .bool, .required)
            .field("evidence_given", .bool, .required)
            .field("comment", .string, .required)
            .field("reviewer_name", .string, .required)
            .field("practice_id", .int, .required, .references(Practice.schema, "id", onDelete: .cascade))
            .field("network_id", .int, .required, .references(Network.schema, "id", onDelete: .cascade))
            .field("reviewer_id", .uuid, .references(User.schema, "id"))
            // A network labels a practice once; a second review replaces the first.
            .unique(on: "practice_id", "network_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX practice_reviews_network ON practice_reviews (network_id)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(PracticeReview.schema).delete()
    }
}
