import Foundation
import NIOCore
import Prometheus
import Vapor

/// Everything that differs between one running Cityweave and another, read
/// from the environment (see the README for each variable).
public struct CityweaveConfiguration: Sendable {
    public enum DatabaseLocation: Sendable, Equatable {
        /// A file path, or nil for a private in-memory database.
        case sqlite(path: String?)
        case postgres(url: String)
    }

    public var database: DatabaseLocation
    /// Migrate and load the reference directory when the application boots.
    public var prepareDatabaseOnBoot: Bool
    /// Which reference cities a first start loads.
    public var referenceCities: ReferenceCitySelection
    /// Where `Resources/` and `Public/` are.
    public var workingDirectory: String
    /// What `/metrics` shows: the registry the process's metrics system writes to.
    public var metrics: PrometheusCollectorRegistry
    /// The address users reach Cityweave at (`CITYWEAVE_PUBLIC_URL`), for
    /// invitation links; an https address also marks cookies Secure.
    public var publicURL: String?
    /// The reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are
    /// believed (`CITYWEAVE_TRUSTED_PROXIES`, or loopback with
    /// `CITYWEAVE_TRUST_PROXY=1`); from any other peer those headers are ignored.
    package var trustedProxies: AddressRanges
    /// The client addresses that may read `/metrics` (`CITYWEAVE_METRICS_ADDRESSES`; loopback by default).
    package var metricsAddresses: AddressRanges
    /// A bearer token that reads `/metrics` from anywhere (`CITYWEAVE_METRICS_TOKEN`).
    public var metricsToken: String?
    /// Create the demo accounts on first start (`CITYWEAVE_DEMO_ACCOUNTS=0` turns them off).
    public var createsDemoAccounts: Bool
    /// Load example records (practices, transfers…) on first start, marked as
    /// example content (`CITYWEAVE_DEMO_CONTENT=0` turns them off).
    public var loadsDemoContent: Bool
    /// Bcrypt's work factor: 12 in service; tests lower it to stay fast.
    public var bcryptCost: Int

    public init(
        database: DatabaseLocation, prepareDatabaseOnBoot: Bool = true,
        referenceCities: ReferenceCitySelection = .all, workingDirectory: String,
        metrics: PrometheusCollectorRegistry = PrometheusMetricsFactory.defaultRegistry, publicURL: String? = nil,
        createsDemoAccounts: Bool = true, loadsDemoContent: Bool = true, bcryptCost: Int = 12
    ) {
        self.database = database
        self.prepareDatabaseOnBoot = prepareDatabaseOnBoot
        self.referenceCities = referenceCities
        self.workingDirectory = workingDirectory
        self.metrics = metrics
        self.publicURL = publicURL
        self.trustedProxies = .none
        self.metricsAddresses = .loopback
        self.createsDemoAccounts = createsDemoAccounts
        self.loadsDemoContent = loadsDemoContent
        self.bcryptCost = bcryptCost
    }

    public static let defaultSQLiteFile = "cityweave.sqlite"

    /// How long a request waits for a database connection. Writers to one database take turns, so a
    /// burst of them queues: waiting is better than failing, up to a point that still answers.
    package static let connectionWait: TimeAmount = .seconds(30)

    /// Reads `DATABASE_URL` (without it, `cityweave.sqlite` in the working
    /// directory), `CITYWEAVE_PUBLIC_URL`, the proxy and metrics settings,
    /// `CITYWEAVE_DEMO_ACCOUNTS` and `CITYWEAVE_DEMO_CONTENT`.
    public static func fromEnvironment(workingDirectory: String) throws -> Self {
        let url = Environment.get("DATABASE_URL") ?? ""
        var configuration = Self(database: try parseDatabaseURL(url), workingDirectory: workingDirectory)
        if let publicURL = Environment.get("CITYWEAVE_PUBLIC_URL"), !publicURL.isEmpty {
            guard publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://"), URL(string: publicURL) != nil
            else {
                throw ConfigurationError("CITYWEAVE_PUBLIC_URL '\(publicURL)' is not an http:// or https:// address")
            }
            configuration.publicURL = publicURL
        }
        if let proxies = Environment.get("CITYWEAVE_TRUSTED_PROXIES"), !proxies.isEmpty {
            configuration.trustedProxies = try addresses("CITYWEAVE_TRUSTED_PROXIES", proxies)
        } else if try flag("CITYWEAVE_TRUST_PROXY") == true {
            configuration.trustedProxies = .loopback
        }
        if let allowed = Environment.get("CITYWEAVE_METRICS_ADDRESSES") {
            configuration.metricsAddresses = try addresses("CITYWEAVE_METRICS_ADDRESSES", allowed)
        }
        if let token = Environment.get("CITYWEAVE_METRICS_TOKEN"), !token.isEmpty {
            guard token.count >= 16 else {
                throw ConfigurationError("CITYWEAVE_METRICS_TOKEN must be at least 16 characters long")
            }
            configuration.metricsToken = token
        }
        configuration.createsDemoAccounts = try flag("CITYWEAVE_DEMO_ACCOUNTS") ?? true
        configuration.loadsDemoContent = try flag("CITYWEAVE_DEMO_CONTENT") ?? true
        return configuration
    }

    private static func addresses(_ name: String, _ list: String) throws -> AddressRanges {
        do {
            return try AddressRanges(list)
        } catch let error as ConfigurationError {
            throw ConfigurationError("\(name): \(error.description)")
        }
    }

    private static func flag(_ name: String) throws -> Bool? {
        guard let value = Environment.get(name), !value.isEmpty else { return nil }
        switch value.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigurationError("\(name) '\(value)' must be 1 or 0")
        }
    }

    /// Whether a command line needs a migrated database with the reference
    /// directory: serving (the default command) and importing do; help,
    /// `routes` and `migrate` (which migrates by itself) do not.
    public static func preparesDatabase(forArguments arguments: [String]) -> Bool {
        let words = arguments.dropFirst()
        if words.contains("--help") || words.contains("-h") { return false }
        guard let command = words.first, !command.hasPrefix("-") else { return true }
        return command == "serve" || command == "import"
    }

    /// Whether a command line serves requests: `serve`, or no command at all.
    public static func serves(arguments: [String]) -> Bool {
        guard let command = arguments.dropFirst().first, !command.hasPrefix("-") else { return true }
        return command == "serve"
    }

    /// Parses a `DATABASE_URL`: `sqlite:///absolute/path.sqlite`,
    /// `sqlite://relative/path.sqlite`, `sqlite::memory:`, or `postgres://…`.
    public static func parseDatabaseURL(_ url: String) throws -> DatabaseLocation {
        if url.isEmpty { return .sqlite(path: defaultSQLiteFile) }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url: url) }
        if url == "sqlite::memory:" { return .sqlite(path: nil) }
        for prefix in ["sqlite://", "sqlite:"] where url.hasPrefix(prefix) {
            let path = String(url.dropFirst(prefix.count))
            guard !path.isEmpty else { break }
            return .sqlite(path: path)
        }
        throw ConfigurationError(
            "DATABASE_URL '\(url)' is neither sqlite:///path/file.sqlite nor postgres://user:password@host/database")
    }
}

/// Which of the shipped GeoNames cities to load.
public enum ReferenceCitySelection: Sendable, Equatable {
    case all
    /// Only cities with at least this many people (tests load a few hundred).
    case minimumPopulation(Int)

    package func includes(population: Int) -> Bool {
        switch self {
        case .all: true
        case .minimumPopulation(let minimum): population >= minimum
        }
    }
}

package struct ConfigurationError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

extension Application {
    private struct ConfigurationKey: StorageKey {
        typealias Value = CityweaveConfiguration
    }

    /// The configuration the application was set up with.
    public var cityweave: CityweaveConfiguration {
        get {
            guard let configuration = storage[ConfigurationKey.self] else {
                fatalError("configure(_:with:) has not run")
            }
            return configuration
        }
        set { storage[ConfigurationKey.self] = newValue }
    }
}
