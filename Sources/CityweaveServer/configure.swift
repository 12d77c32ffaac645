import CityweaveAccounts
import CityweaveAid
import CityweaveDirectory
import CityweaveEngagement
import CityweaveEvents
import CityweaveKnowledge
import CityweaveLandscape
import CityweaveShared
import CityweaveVoice
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import Vapor

/// Wires the application: database, migrations, templates, middleware,
/// routes and commands. The one place where these choices are made.
public func configure(_ app: Application, with configuration: CityweaveConfiguration) async throws {
    app.cityweave = configuration
    app.directory = DirectoryConfiguration(workingDirectory: configuration.workingDirectory)

    switch configuration.database {
    case .sqlite(let path):
        app.databases.use(.sqliteWithImmediateTransactions(path.map { .file($0) } ?? .memory), as: .sqlite)
    case .postgres(let url):
        // Several app instances share one PostgreSQL: keep each pool small.
        app.databases.use(
            try .postgres(
                url: url, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: CityweaveConfiguration.connectionWait,
                sqlLogLevel: .debug), as: .psql)
    }

    app.views.use(.leaf)
    app.leaf.configuration.rootDirectory = app.directory.viewsDirectory
    app.leaf.tags["markdown"] = MarkdownTag()
    app.leaf.tags["t"] = TranslateTag(isPlural: false)
    app.leaf.tags["tp"] = TranslateTag(isPlural: true)
    app.leaf.tags["day"] = DayTag()
    app.localizer = try Localizer.load(root: app.directory.workingDirectory)
    // Every page answers under each language's prefix (/zh/…): see LanguageRouting.
    app.responder.use { application in LanguageRouting(next: application.responder.default) }

    if let host = Environment.get("CITYWEAVE_HOST") { app.http.server.configuration.hostname = host }
    if let port = Environment.get("CITYWEAVE_PORT") {
        guard let number = Int(port), (1...65535).contains(number) else {
            throw ConfigurationError("CITYWEAVE_PORT '\(port)' is not a port number")
        }
        app.http.server.configuration.port = number
    }

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    // Outermost first: error pages get the security headers too.
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ErrorResponder())
    app.middleware.use(RequestLimits())
    app.middleware.use(PublicFiles(files: FileMiddleware(publicDirectory: app.directory.publicDirectory)))
    app.middleware.use(Authentication())
    app.middleware.use(CSRFProtection())

    // A practice's four Markdown sections may hold 20,000 characters each;
    // Vapor's default of 16 KB per request body would refuse it through the API.
    app.routes.defaultMaxBodySize = "1mb"

    app.passwords.use(.bcrypt(cost: configuration.bcryptCost))
    app.unknownUserPasswordHash = UnknownUserPasswordHash()
    app.passwordPolicy = try PasswordPolicy.load(
        referenceFolder: app.directory.workingDirectory + "Resources/Reference/")

    app.storage[WorldOutlineKey.self] = try WorldBaseMap.load(
        referenceFolder: app.directory.workingDirectory + "Resources/Reference/")
    try CityweaveModules.all.register(in: app)
    app.asyncCommands.use(LocalizationCommandGroup(), as: "i18n")
    try app.register(collection: HealthRoutes())
    try app.register(collection: OpenAPIRoutes())
    try app.register(collection: MetricsRoutes(registry: configuration.metrics))
    app.lifecycle.use(DatabasePreparation())
}

/// Cityweave's modules, in the order their migrations run and their parts are registered: the
/// foundation first, then the feature modules. Adding a module is adding it here.
package enum CityweaveModules {
    package static let all = ModuleSet([
        DirectoryModule.self, AccountsModule.self, KnowledgeModule.self, EngagementModule.self, AidModule.self,
        LandscapeModule.self, VoiceModule.self, EventsModule.self,
    ])
}
