import Foundation
import PostgresNIO
import SQLKit

/// A value of a row written in bulk.
package enum BulkValue: Sendable {
    case integer(Int?)
    case text(String?)
    case number(Double)
    case boolean(Bool)
    case time(Date)
    /// An empty list of strings: JSON text in SQLite, `text[]` in PostgreSQL, as Fluent stores it.
    case noStrings

    /// The value as a bind of a statement to `sql`.
    package func expression(on sql: any SQLDatabase) -> any SQLExpression {
        switch self {
        case .integer(let value): SQLBind(value)
        case .text(let value): SQLBind(value)
        case .number(let value): SQLBind(value)
        case .boolean(let value): SQLBind(value)
        case .time(let value): SQLBind(value)
        case .noStrings: sql.dialect.name == "postgresql" ? SQLBind([String]()) : SQLBind("[]")
        }
    }

    /// The value in `COPY`'s text format: backslash, tab, newline and return escaped, `\N` for none.
    fileprivate var copyText: String {
        switch self {
        case .integer(let value): value.map(String.init) ?? #"\N"#
        case .text(let value): value.map(Self.escaped) ?? #"\N"#
        case .number(let value): String(value)
        case .boolean(let value): value ? "t" : "f"
        case .time(let value): value.ISO8601Format(.iso8601(timeZone: .gmt, includingFractionalSeconds: true))
        case .noStrings: "{}"
        }
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "\\": result += #"\\"#
            case "\t": result += #"\t"#
            case "\n": result += #"\n"#
            case "\r": result += #"\r"#
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

/// Many rows written into one table at once. PostgreSQL takes them with
/// `COPY … FROM STDIN` as text, which costs a fraction of one bind per value
/// (a first start writes about 4 million values); SQLite takes multi-row
/// INSERTs of a thousand rows.
package enum BulkRows {
    package static func insert(
        _ rows: [[BulkValue]], into table: String, columns: [String], on sql: any SQLDatabase
    ) async throws {
        guard !rows.isEmpty else { return }
        if let postgres = sql as? any PostgresDatabase {
            try await copy(rows, into: table, columns: columns, on: postgres)
            return
        }
        for chunk in rows.chunked(into: 1_000) {
            try await sql.insert(into: table).columns(columns).rows(
                chunk.map { row in row.map { $0.expression(on: sql) } }
            ).run()
        }
    }

    private static func copy(
        _ rows: [[BulkValue]], into table: String, columns: [String], on postgres: any PostgresDatabase
    ) async throws {
        var text = ""
        for row in rows {
            text += row.map(\.copyText).joined(separator: "\t")
            text += "\n"
        }
        let data = ByteBuffer(string: text)
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: table, columns: columns, logger: postgres.logger) { writer in
                    try await writer.write(data)
                }
            }
        }.get()
    }
}
