import Fluent
import Vapor

/// What one module brings to Cityweave, declared in one place. `configure`
/// and the shared pieces (navigation, OpenAPI document, authorization
/// matrix) read the manifests of ``CityweaveModules/all``; none of them names
/// a feature module, so adding a module is one line in that list.
protocol CityweaveModule: SendableMetatype {
    /// Its migrations, in the order they landed (appended after those of the modules before it).
    static var migrations: [any Migration] { get }
    /// Its entries in the site's navigation.
    static var navigation: [NavigationEntry] { get }
    /// What it tells the OpenAPI document about its routes.
    static var openAPI: [any OpenAPIModule.Type] { get }
    /// Its routes, API and pages.
    static func routes() -> [any RouteCollection]
    /// What it keeps in the application before serving: in-memory copies, counters, budgets.
    static func prepare(_ app: Application)
    /// Its sections of a city's and of a network's page.
    static var cityPageSections: [CityPageSectionProvider] { get }
    static var networkPageSections: [NetworkPageSectionProvider] { get }
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
    static var navigation: [NavigationEntry] { [] }
    static var openAPI: [any OpenAPIModule.Type] { [] }
    static func prepare(_ app: Application) {}
    static var cityPageSections: [CityPageSectionProvider] { [] }
    static var networkPageSections: [NetworkPageSectionProvider] { [] }
    static var demoContent: DemoContentLoader? { nil }
    static var commands: [String: any AnyAsyncCommand] { [:] }
    static var importCommands: [String: any AnyAsyncCommand] { [:] }
    static var lifecycleHandlers: [any LifecycleHandler] { [] }
    static var databaseMiddleware: [any AnyModelMiddleware] { [] }
    static var guardedTables: [String] { [] }
}

/// An entry of the site's navigation.
struct NavigationEntry: Sendable {
    var label: String
    var href: String
    /// Where it stands: entries are shown in increasing position, whichever module adds them.
    var position: Int
    /// The paths, besides those under `href`, where it is the current section.
    var alsoCurrentUnder: [String] = []

    func isCurrent(at path: String) -> Bool {
        let prefixes = alsoCurrentUnder + [href]
        return prefixes.contains { $0 == "/" ? path == "/" : path == $0 || path.hasPrefix($0 + "/") }
    }
}

extension CityweaveModules {
    /// Every module's navigation entries, in order.
    static let navigation: [NavigationEntry] = all.flatMap { $0.navigation }.sorted { $0.position < $1.position }

    /// Registers every module with `app`, in the order of ``all``.
    static func register(in app: Application) throws {
        for module in all {
            app.migrations.add(module.migrations)
            for middleware in module.databaseMiddleware { app.databases.middleware.use(middleware) }
            module.prepare(app)
            for routes in module.routes() { try app.register(collection: routes) }
            app.cityPageSections += module.cityPageSections
            app.networkPageSections += module.networkPageSections
            if let demo = module.demoContent { app.demoContentLoaders.append(demo) }
            for handler in module.lifecycleHandlers { app.lifecycle.use(handler) }
            for (name, command) in module.commands { app.asyncCommands.use(command, as: name) }
        }
        let imports = all.reduce(into: [String: any AnyAsyncCommand]()) { commands, module in
            commands.merge(module.importCommands) { first, _ in first }
        }
        app.asyncCommands.use(ImportCommandGroup(commands: imports), as: "import")
    }
}
