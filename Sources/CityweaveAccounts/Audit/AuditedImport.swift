import CityweaveCore
import CityweaveShared
import Fluent
import Foundation

extension ImportCommandRunner {
    /// Runs an import and records it in the audit log, in one transaction: the log says what the
    /// operator loaded from which file, and with what result.
    package static func audited(
        _ recordType: String, from file: String, on database: any Database,
        _ run: @escaping @Sendable (any Database) async throws -> ImportSummary
    ) async throws -> ImportSummary {
        try await database.transaction { database in
            let summary = try await run(database)
            try await AuditLog.record(
                .system(on: database, from: "command line"), action: "import", recordType: recordType,
                recordID: URL(fileURLWithPath: file).lastPathComponent, organisation: nil,
                changes: AuditChanges([
                    ("rows read", nil, "\(summary.rowsRead)"), ("created", nil, "\(summary.created)"),
                    ("updated", nil, "\(summary.updated)"), ("already present", nil, "\(summary.unchanged)"),
                    ("unmatched", nil, "\(summary.unmatchedCount)"), ("skipped", nil, "\(summary.skippedCount)"),
                ]), on: database)
            return summary
        }
    }
}
