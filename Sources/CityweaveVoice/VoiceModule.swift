import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// Collective voice: joint statements endorsed by cities' and networks'
/// signatories, bound to the text they signed, and surveys of cities with their results.
package enum VoiceModule: CityweaveModule {
    package static let migrations: [any Migration] = VoiceMigrations.all

    package static let navigation = [
        NavigationEntry(
            label: Message("nav.voice", "Statements"), href: VoicePath.statements.href(), position: 65,
            alsoCurrentUnder: [VoicePath.surveys.href()])
    ]

    package static let openAPI: [any OpenAPIModule.Type] = [VoiceOpenAPI.self]

    package static let paths: [any SitePath.Type] = [VoicePath.self]

    package static func routes() -> [any RouteCollection] { [VoiceRoutes()] }

    package static func prepare(_ app: Application) {
        app.surveyRespondents = RespondentCache()
    }

    package static let pageSections = [VoiceSections.city, VoiceSections.network, VoiceSections.account]

    package static let demoContent: DemoContentLoader? = DemoVoice.loadIfEmpty

    package static let guardedTables = [
        "statements", "statement_leads", "statement_versions", "statement_translations", "statement_endorsements",
        "statement_citations", "surveys", "survey_responses",
    ]
}
