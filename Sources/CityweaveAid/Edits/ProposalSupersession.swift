import CityweaveAccounts
import SQLKit

/// When unanswered proposals give way: a new run replaces those between the
/// posts it considered; a withdrawn or fulfilled post takes no more.
extension AidAllocation {
    package static func supersedeProposals(touching post: Int, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE aid_allocations SET status = 'superseded'
            WHERE status = 'proposed' AND (offer_id = \(bind: post) OR request_id = \(bind: post))
            """
        ).run()
    }

    /// Only proposals whose offer and request the new run both considered:
    /// a network's run leaves alone what a wider run proposed beyond it.
    package static func supersedeProposals(between posts: Set<Int>, on sql: any SQLDatabase) async throws {
        let rows = try await sql.raw("SELECT id, offer_id, request_id FROM aid_allocations WHERE status = 'proposed'")
            .all()
        var replaced: [Int] = []
        for row in rows {
            let offer = try row.decode(column: "offer_id", as: Int.self)
            let request = try row.decode(column: "request_id", as: Int.self)
            if posts.contains(offer), posts.contains(request) {
                replaced.append(try row.decode(column: "id", as: Int.self))
            }
        }
        // In slices, to stay far below the databases' limits on bound parameters.
        for start in stride(from: 0, to: replaced.count, by: 500) {
            let slice = replaced[start..<min(start + 500, replaced.count)]
            try await sql.raw(
                "UPDATE aid_allocations SET status = 'superseded' WHERE id IN (\(binds: Array(slice))) AND status = 'proposed'"
            ).run()
        }
    }
}
