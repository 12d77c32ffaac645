import CityweaveAccounts
import Foundation
import SQLKit

/// A partnership about to be written, with its pair in stored order.
package struct PartnershipRow: Hashable, Sendable {
    package var cityA: Int
    package var cityB: Int
    package var kind: PartnershipKind
    package var since: Int?
    package var source: String

    package init(cityA: Int, cityB: Int, kind: PartnershipKind, since: Int?, source: String) {
        self.cityA = min(cityA, cityB)
        self.cityB = max(cityA, cityB)
        self.kind = kind
        self.since = since
        self.source = source
    }

    package struct Key: Hashable {
        package var cityA: Int
        package var cityB: Int
        package var kind: String
    }

    package var key: Key { Key(cityA: cityA, cityB: cityB, kind: kind.rawValue) }

    /// Inserts the partnerships not yet recorded (a pair counts once per
    /// kind, in either order) and returns how many were new.
    package static func insertNew(_ rows: [PartnershipRow], on sql: any SQLDatabase) async throws -> Int {
        struct Existing: Decodable {
            var cityAId: Int
            var cityBId: Int
            var kind: String
        }
        var known = Set(
            try await sql.select().columns("city_a_id", "city_b_id", "kind").from(Partnership.schema)
                .all(decoding: Existing.self, keyDecodingStrategy: .convertFromSnakeCase).map {
                    Key(cityA: $0.cityAId, cityB: $0.cityBId, kind: $0.kind)
                })
        let fresh = rows.filter { $0.cityA != $0.cityB && known.insert($0.key).inserted }
        let now = Date()
        for chunk in fresh.chunked(into: 500) {
            try await sql.insert(into: Partnership.schema)
                .columns("created_at", "city_a_id", "city_b_id", "kind", "since", "source")
                .rows(
                    chunk.map { row in
                        [
                            SQLBind(now), SQLBind(row.cityA), SQLBind(row.cityB), SQLBind(row.kind.rawValue),
                            SQLBind(row.since), SQLBind(row.source),
                        ] as [any SQLExpression]
                    }
                )
                .run()
        }
        return fresh.count
    }
}
