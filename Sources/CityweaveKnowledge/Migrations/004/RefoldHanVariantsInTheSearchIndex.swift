import CityweaveCore
import Fluent

/// The search index now folds Han variants to simplified characters (``HanVariants``): practices
/// indexed before hold 防災 where a query now looks for 防灾, so those with Han text are indexed again.
package struct RefoldHanVariantsInTheSearchIndex: AsyncMigration {
    /// Practices read at a time, so that a large library is not held in memory at once.
    static let batch = 500

    package func prepare(on database: any Database) async throws {
        var after = 0
        while true {
            let practices = try await Practice.query(on: database).filter(\.$id > after).sort(\.$id)
                .limit(Self.batch).all()
            guard let last = practices.last?.id else { return }
            for practice in practices where Self.holdsHan(practice) {
                try await PracticeSearch.update(practice, on: database)
            }
            after = last
        }
    }

    /// The folding only ever merges characters: the index as it was matched less, never more.
    package func revert(on database: any Database) async throws {}

    static func holdsHan(_ practice: Practice) -> Bool {
        ([practice.title] + PracticeSearch.searchableBody(of: practice)).contains { text in
            text.unicodeScalars.contains { $0.properties.isUnifiedIdeograph }
        }
    }
}
