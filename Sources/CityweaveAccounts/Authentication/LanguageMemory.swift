import CityweaveShared
import Fluent
import Vapor

/// The interface language a person chose last, kept on their account.
enum LanguageMemory {
    /// Keeps `language` as `user`'s choice. A preference is not worth failing a page for: a database
    /// too busy to take it is logged, and the page is served.
    static func remember(_ language: InterfaceLanguage, for user: User, on request: Request) async throws {
        guard user.language != language.rawValue, let id = user.id else { return }
        do {
            // Not through the model: a preference is not an edit of the account (`updated_at` stays).
            try await User.query(on: request.db).filter(\.$id == id).set(\.$language, to: language.rawValue).update()
            user.language = language.rawValue
        } catch {
            request.logger.warning("the language of \(id) was not remembered: \(String(reflecting: error))")
        }
    }
}
