import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

/// Keeps the search names of networks and people in step with the records
/// whenever they are written through Fluent. (Deleting a record deletes its
/// names through the foreign key.)
package struct NetworkSearchNames: AsyncModelMiddleware {
    package func create(model: Network, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        try await DirectoryNames.replace(NetworkNames.entry(for: model, memberCount: 0), on: db as! any SQLDatabase)
        try await NetworkNames.refreshWeights(on: db as! any SQLDatabase)
    }

    package func update(model: Network, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        try await DirectoryNames.replace(NetworkNames.entry(for: model, memberCount: 0), on: db as! any SQLDatabase)
        try await NetworkNames.refreshWeights(on: db as! any SQLDatabase)
    }
}

package struct PersonSearchNames: AsyncModelMiddleware {
    package func create(model: Person, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        try await DirectoryNames.replace(entry(model), on: db as! any SQLDatabase)
    }

    package func update(model: Person, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        try await DirectoryNames.replace(entry(model), on: db as! any SQLDatabase)
    }

    private func entry(_ person: Person) -> DirectoryNames.Entry {
        DirectoryNames.Entry(record: .person(person.id!), countryCode: nil, names: [person.name], weight: 0)
    }
}
