import CityweaveShared
import Fluent
import SQLKit

package struct CreateSignInFailure: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(SignInFailure.schema)
            .id()
            .field("email", .string, .required)
            .field("ip", .string, .required)
            .field("failed_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX sign_in_failures_email ON sign_in_failures (email, failed_at)").run()
        try await sql.raw("CREATE INDEX sign_in_failures_ip ON sign_in_failures (ip, failed_at)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(SignInFailure.schema).delete()
    }
}
