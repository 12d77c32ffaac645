import CityweaveAccounts
import CityweaveCore
import Fluent
import SQLKit

/// The table of names under which search finds directory records (see
/// ``CreateDirectoryNames``); written by ``DirectoryNames``, read by ``DirectorySearch``.
package enum DirectoryName {
    package static let schema = "directory_names"
}

/// The kinds of record search finds.
package enum DirectoryRecord: Hashable, Sendable {
    case city(Int)
    case network(Int)
    case person(Int)
    case country(String)

    package enum Kind: String, CaseIterable, Codable, Sendable {
        case city, network, person, country

        /// What a found record is, as a list of results names it.
        package var message: Message {
            switch self {
            case .city: Message("directory.record-kind.city", "city")
            case .network: Message("directory.record-kind.network", "network")
            case .person: Message("directory.record-kind.person", "person")
            case .country: Message("directory.record-kind.country", "country")
            }
        }
    }

    package var kind: Kind {
        switch self {
        case .city: .city
        case .network: .network
        case .person: .person
        case .country: .country
        }
    }
}

/// Writes the names of records into the search table.
package enum DirectoryNames {
    /// Networks rank above cities, and countries above both, when a name
    /// matches equally well: a search for "Metropolis" means the network.
    package static let networkWeight = 5_000_000_000
    package static let countryWeight = 10_000_000_000

    package struct Entry: Sendable {
        package var record: DirectoryRecord
        /// The country a city is in, so that city search can filter by it.
        package var countryCode: String?
        package var names: [String]
        package var weight: Int

        /// Each name with its folded key, the first name of every key only: what the directory stores and matches on.
        package var keyedNames: [(name: String, key: String)] {
            var seen = Set<String>()
            return names.compactMap { name in
                let key = NameKey.fold(name)
                return !key.isEmpty && seen.insert(key).inserted ? (name, key) : nil
            }
        }
    }

    /// Inserts the names of many records, a few hundred rows a statement.
    package static func insert(_ entries: [Entry], on sql: any SQLDatabase) async throws {
        var rows: [[BulkValue]] = []
        for entry in entries {
            let (city, network, person, country): (Int?, Int?, Int?, String?) =
                switch entry.record {
                case .city(let id): (id, nil, nil, entry.countryCode)
                case .network(let id): (nil, id, nil, nil)
                case .person(let id): (nil, nil, id, nil)
                case .country(let code): (nil, nil, nil, code)
                }
            for (name, key) in entry.keyedNames {
                rows.append([
                    .text(entry.record.kind.rawValue), .integer(city), .integer(network), .integer(person),
                    .text(country), .text(name), .text(key), .integer(entry.weight),
                ])
            }
        }
        try await BulkRows.insert(
            rows, into: DirectoryName.schema,
            columns: ["kind", "city_id", "network_id", "person_id", "country_code", "name", "key", "weight"], on: sql)
    }

    /// Replaces the names of one record (after it was renamed or created).
    package static func replace(_ entry: Entry, on sql: any SQLDatabase) async throws {
        try await delete(entry.record, on: sql)
        try await insert([entry], on: sql)
    }

    package static func delete(_ record: DirectoryRecord, on sql: any SQLDatabase) async throws {
        let query = sql.delete(from: DirectoryName.schema)
        switch record {
        case .city(let id): query.where("city_id", .equal, id).where("kind", .equal, "city")
        case .network(let id): query.where("network_id", .equal, id)
        case .person(let id): query.where("person_id", .equal, id)
        case .country(let code): query.where("country_code", .equal, code).where("kind", .equal, "country")
        }
        try await query.run()
    }
}
