import Foundation

/// What an import did, row by row: the summary printed at the end and the
/// report written on request.
public struct ImportSummary: Sendable, Equatable {
    public struct Problem: Sendable, Equatable {
        public enum Kind: String, Sendable { case skipped, unmatched }
        public var line: Int
        public var kind: Kind
        public var reason: String
    }

    public var rowsRead = 0
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// Records created alongside the rows (such as unverified cities).
    public var alsoCreated: [String: Int] = [:]
    /// Rows a file holds that the import is not about ("state rows"), by kind.
    public var ignored: [String: Int] = [:]
    public private(set) var problems: [Problem] = []

    public init() {}

    public mutating func skip(line: Int, _ reason: String) {
        problems.append(Problem(line: line, kind: .skipped, reason: reason))
    }

    public mutating func unmatched(line: Int, _ reason: String) {
        problems.append(Problem(line: line, kind: .unmatched, reason: reason))
    }

    public var skippedCount: Int { problems.count { $0.kind == .skipped } }
    public var unmatchedCount: Int { problems.count { $0.kind == .unmatched } }

    /// The share of read rows that were loaded (created, updated or already there).
    public var matchedShare: Double {
        rowsRead == 0 ? 0 : Double(created + updated + unchanged) / Double(rowsRead)
    }

    /// The lines printed at the end of an import; at most `limit` problems are listed.
    public func lines(limit: Int = 10) -> [String] {
        var lines = [
            "rows read: \(rowsRead)",
            "created: \(created), updated: \(updated), already present: \(unchanged)",
            "unmatched: \(unmatchedCount), skipped: \(skippedCount)",
        ]
        for (what, count) in alsoCreated.sorted(by: { $0.key < $1.key }) {
            lines.append("also created: \(count) \(what)")
        }
        for (what, count) in ignored.sorted(by: { $0.key < $1.key }) {
            lines.append("ignored: \(count) \(what)")
        }
        for problem in problems.prefix(limit) {
            lines.append("  line \(problem.line): \(problem.kind.rawValue): \(problem.reason)")
        }
        if problems.count > limit {
            lines.append("  … and \(problems.count - limit) more (write them all with --report FILE)")
        }
        return lines
    }

    /// Every problem as CSV (`line,kind,reason`), for the report file.
    public var reportCSV: String {
        var text = "line,kind,reason\n"
        for problem in problems {
            let reason = problem.reason.replacingOccurrences(of: "\"", with: "\"\"")
            text += "\(problem.line),\(problem.kind.rawValue),\"\(reason)\"\n"
        }
        return text
    }
}
