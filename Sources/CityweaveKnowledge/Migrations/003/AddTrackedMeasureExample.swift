import Fluent
import SQLKit

/// Measures loaded at the first start to show the tracker are marked, so
/// that pages can say where they come from and an operator can remove them.
package struct AddTrackedMeasureExample: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(TrackedMeasure.schema)
            .field("is_example", .bool, .required, .sql(.default(false))).update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(TrackedMeasure.schema).deleteField("is_example").update()
    }
}
