import Fluent
import FluentSQL

/// The calendar reads a window of time and filters it by state, theme, level, kind and language: an index
/// led by the start, in the calendar's order, holding every column the filters test, answers the window
/// and its count without reading the events' rows, on either database.
package struct AddCalendarIndex: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX events_state_start").run()
        try await sql.raw(
            "CREATE INDEX events_calendar ON events (starts_at, ends_at, state, themes, level, kind, languages)"
        ).run()
    }

    package func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX events_calendar").run()
        try await sql.raw("CREATE INDEX events_state_start ON events (state, starts_at)").run()
    }
}
