import CityweaveCore
import Fluent
import Leaf
import Vapor

/// What one module brings to Cityweave, declared in one place. `configure`
/// and the shared pieces (navigation, OpenAPI document, authorization
/// matrix) read the manifests of a ``ModuleSet``; none of them names a
/// module, so adding a module is one line in the server's list.
package protocol CityweaveModule: SendableMetatype {
    /// Its migrations, in the order they landed (appended after those of the modules before it).
    static var migrations: [any Migration] { get }
    /// Its migrations that need tables of modules listed after it: they run once every module's own have.
    static var laterMigrations: [any Migration] { get }
    /// Its entries in the site's navigation.
    static var navigation: [NavigationEntry] { get }
    /// The paths of its pages.
    static var paths: [any SitePath.Type] { get }
    /// What it tells the OpenAPI document about its routes.
    static var openAPI: [any OpenAPIModule.Type] { get }
    /// Its routes, API and pages.
    static func routes() -> [any RouteCollection]
    /// What it keeps in the application before serving: in-memory copies, counters, budgets.
    static func prepare(_ app: Application)
    /// Its sections of other modules' pages (a city's, a network's).
    static var pageSections: [PageSectionProvider] { get }
    /// Its links on the partnerships between cities (a trade mission between two partner cities).
    static var partnershipLinks: [PartnershipLinkProvider] { get }
    /// Its example records, loaded on a first start.
    static var demoContent: DemoContentLoader? { get }
    /// Its commands (`cityweave NAME …`) and its sub-commands of `cityweave import`.
    static var commands: [String: any AnyAsyncCommand] { get }
    static var importCommands: [String: any AnyAsyncCommand] { get }
    /// What runs when the application boots and stops.
    static var lifecycleHandlers: [any LifecycleHandler] { get }
    /// Model middleware it installs on the database.
    static var databaseMiddleware: [any AnyModelMiddleware] { get }
    /// The tables whose rows a refused write must leave as they were (the authorization matrix counts them).
    static var guardedTables: [String] { get }
}

extension CityweaveModule {
    package static var laterMigrations: [any Migration] { [] }
    package static var navigation: [NavigationEntry] { [] }
    package static var paths: [any SitePath.Type] { [] }
    package static var openAPI: [any OpenAPIModule.Type] { [] }
    package static func prepare(_ app: Application) {}
    package static var pageSections: [PageSectionProvider] { [] }
    package static var partnershipLinks: [PartnershipLinkProvider] { [] }
    package static var demoContent: DemoContentLoader? { nil }
    package static var commands: [String: any AnyAsyncCommand] { [:] }
    package static var importCommands: [String: any AnyAsyncCommand] { [:] }
    package static var lifecycleHandlers: [any LifecycleHandler] { [] }
    package static var databaseMiddleware: [any AnyModelMiddleware] { [] }
    package static var guardedTables: [String] { [] }
}

/// An entry of the site's navigation.
package struct NavigationEntry: Sendable {
    package var label: Message
    package var href: String
    /// Where it stands: entries are shown in increasing position, whichever module adds them.
    package var position: Int
    /// The paths, besides those under `href`, where it is the current section.
    package var alsoCurrentUnder: [String] = []

    package init(label: Message, href: String, position: Int, alsoCurrentUnder: [String] = []) {
        self.label = label
        self.href = href
        self.position = position
        self.alsoCurrentUnder = alsoCurrentUnder
    }

    package func isCurrent(at path: String) -> Bool {
        let prefixes = alsoCurrentUnder + [href]
        return prefixes.contains { $0 == "/" ? path == "/" : path == $0 || path.hasPrefix($0 + "/") }
    }
}

/// The modules a server runs, in the order their migrations run and their
/// parts are registered, and what is assembled from their manifests once.
package struct ModuleSet: Sendable {
    package let modules: [any CityweaveModule.Type]
    /// Every module's navigation entries, in order.
    package let navigation: [NavigationEntry]
    /// The pattern of every module's page paths (see ``SitePath``).
    package let pagePatterns: Set<String>
    package let openAPIDocument: JSONValue
    package let requestBodyFields: RequestBodyFields

    package init(_ modules: [any CityweaveModule.Type]) {
        self.modules = modules
        navigation = modules.flatMap { $0.navigation }.sorted { $0.position < $1.position }
        pagePatterns = Set(modules.flatMap { $0.paths.flatMap { $0.patterns } })
        openAPIDocument = OpenAPIDocument.assembled(from: modules.flatMap { $0.openAPI })
        requestBodyFields = RequestBodyFields(document: openAPIDocument)
    }

    /// Registers every module with `app`, in order.
    package func register(in app: Application) throws {
        app.modules = self
        app.leaf.tags["path"] = PathTag(patterns: pagePatterns)
        for module in modules {
            app.migrations.add(module.migrations)
            for middleware in module.databaseMiddleware { app.databases.middleware.use(middleware) }
            module.prepare(app)
            for routes in module.routes() { try app.register(collection: routes) }
            app.pageSectionProviders += module.pageSections
            app.partnershipLinkProviders += module.partnershipLinks
            if let demo = module.demoContent { app.demoContentLoaders.append(demo) }
            for handler in module.lifecycleHandlers { app.lifecycle.use(handler) }
            for (name, command) in module.commands { app.asyncCommands.use(command, as: name) }
        }
        for module in modules { app.migrations.add(module.laterMigrations) }
        let imports = modules.reduce(into: [String: any AnyAsyncCommand]()) { commands, module in
            commands.merge(module.importCommands) { first, _ in first }
        }
        app.asyncCommands.use(ImportCommandGroup(commands: imports), as: "import")
    }
}

extension Application {
    private struct ModuleSetKey: StorageKey {
        typealias Value = ModuleSet
    }

    /// The modules this application runs.
    package var modules: ModuleSet {
        get {
            guard let modules = storage[ModuleSetKey.self] else { fatalError("No modules registered.") }
            return modules
        }
        set { storage[ModuleSetKey.self] = newValue }
    }
}
