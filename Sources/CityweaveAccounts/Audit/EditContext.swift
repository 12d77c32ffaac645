import CityweaveShared
import Fluent
import Vapor

/// What every write needs besides its input: the database, who writes and
/// from where. Edits take this rather than a request, so that the pages,
/// the API, commands, example content and long-lived connections all write
/// through the same edits, and the audit log says who wrote each time.
package struct EditContext: Sendable {
    package var db: any Database
    /// The person writing; nil when the system writes (a first start, example content, a command).
    package var user: User?
    /// The client's address, or where the system wrote from ("command line", "first start").
    package var address: String
    /// Whether what is written is example content: the records say so on every page that shows them.
    package var writesExamples = false

    /// The system writing, for commands.
    package static func system(on db: any Database, from address: String) -> EditContext {
        EditContext(db: db, user: nil, address: address)
    }

    /// The system writing a module's example content on a first start.
    package static func examples(on db: any Database) -> EditContext {
        EditContext(db: db, user: nil, address: "example content", writesExamples: true)
    }
}

extension Request {
    /// The signed-in person writing through this request, from its client's address.
    package var editContext: EditContext {
        EditContext(db: db, user: actor?.user, address: clientAddress)
    }
}
