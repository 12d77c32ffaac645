import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import CompressNIO
import Fluent
import NIOCore
import SQLKit
import Vapor

/// The directory Cityweave ships (`Resources/Reference`, built by
/// `scripts/build_reference.py` and curated by hand): countries, GeoNames
/// cities, real networks with their public memberships, and partnerships
/// named in public sources. Loaded once, on the first start.
package struct ReferenceDirectory {
    package var folder: String
    package var selection: ReferenceCitySelection

    package init(workingDirectory: String, selection: ReferenceCitySelection) {
        folder =
            workingDirectory.hasSuffix("/")
            ? workingDirectory : workingDirectory + "/"
        folder += "Resources/Reference/"
        self.selection = selection
    }

    /// Loads everything in one transaction unless the directory already has countries.
    /// Returns nil when there was nothing to do.
    package func loadIfEmpty(on database: any Database, logger: Logger, showProgress: Bool) async throws
        -> ImportSummary?
    {
        guard try await Country.query(on: database).count() == 0 else { return nil }
        let started = Date()
        let summary = try await database.transaction { transaction -> ImportSummary in
            var summary = ImportSummary()
            try await load(on: transaction, summary: &summary, showProgress: showProgress)
            return summary
        }
        logger.info(
            "Loaded the reference directory in \(String(format: "%.1f", Date().timeIntervalSince(started))) s: \(summary.lines(limit: 0).joined(separator: "; "))"
        )
        return summary
    }

    private func load(on database: any Database, summary: inout ImportSummary, showProgress: Bool) async throws {
        let sql = database as! any SQLDatabase
        let countries = try readTSV("countries.tsv")
        try await insertCountries(countries, on: sql)

        var cities: [(line: Int, city: GeoNamesCity)] = []
        var lineNumber = 1
        for line in try readGzip("cities.tsv.gz").split(separator: "\n").dropFirst() {
            lineNumber += 1
            let city = try GeoNamesCity(referenceLine: line)
            if selection.includes(population: city.population) { cities.append((lineNumber, city)) }
        }
        summary.rowsRead = cities.count
        let progress = showProgress ? ProgressReporter(title: "Loading cities", total: cities.count) : nil
        try await GeoNamesImport.load(cities, on: database, summary: &summary, progress: progress)
        progress?.finish()

        // The planner knows nothing yet of the rows just loaded: without this,
        // every look-up by an index (a network's names) scans the whole table.
        for table in [City.schema, DirectoryName.schema] { try await sql.raw("ANALYZE \(ident: table)").run() }
        let cityIDs = try await GeoNamesImport.cityIDsByGeonameid(on: sql)
        for row in countries where !row["capital_geonameid", default: ""].isEmpty {
            guard let geonameid = Int(row["capital_geonameid"]!), let id = cityIDs[geonameid] else { continue }
            try await sql.update(Country.schema).set("capital_city_id", to: id)
                .where("iso2", .equal, row["iso2"]!).run()
        }
        try await insertNetworks(cityIDs: cityIDs, on: database)
        // The cities just loaded are all the directory has: match against them in memory rather than read them back.
        let matching = CityMatching(
            cities: cities.compactMap { (_, city) in
                cityIDs[city.geonameid].map { id in
                    MatchableCity(
                        id: id, countryCode: city.countryCode, admin1Code: city.admin1Code, location: city.location,
                        population: city.population,
                        keys: GeoNamesImport.nameEntry(id: id, city: city).keyedNames.map(\.key))
                }
            },
            countries: countries.map {
                CountryName(iso2: $0["iso2"] ?? "", iso3: $0["iso3"] ?? "", name: $0["name"] ?? "")
            },
            referenceFolder: folder)
        try await insertMemberships(matching: matching, cityIDs: cityIDs, on: database, summary: &summary)
        try await insertPartnerships(cityIDs: cityIDs, on: sql, summary: &summary)
    }

    // MARK: files

    private func readTSV(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: folder + name, encoding: .utf8)
        let lines = text.split(separator: "\n")
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        else { return [] }
        return lines.dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }

    package func readGzip(_ name: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + name))
        var compressed = ByteBuffer(bytes: data)
        let text = try compressed.decompress(with: .gzip())
        return String(buffer: text)
    }

    private func readCSV(_ name: String) throws -> CSVTable {
        try CSVTable(text: String(contentsOfFile: folder + name, encoding: .utf8))
    }

    // MARK: records

    private func insertCountries(_ rows: [[String: String]], on sql: any SQLDatabase) async throws {
        let values: [[any SQLExpression]] = rows.map { row in
            [
                SQLBind(row["iso2"] ?? ""), SQLBind(row["iso3"] ?? ""), SQLBind(row["name"] ?? ""),
                SQLBind(row["region"] ?? ""), SQLBind(row["subregion"] ?? ""), SQLBind(row["income_group"] ?? ""),
                SQLBind(row["continent"] ?? ""), SQLBind(Int(row["population"] ?? "") ?? 0),
            ]
        }
        try await sql.insert(into: Country.schema)
            .columns("iso2", "iso3", "name", "region", "subregion", "income_group", "continent", "population")
            .rows(values)
            .run()
        try await DirectoryNames.insert(
            rows.map { row in
                DirectoryNames.Entry(
                    record: .country(row["iso2"] ?? ""), countryCode: row["iso2"], names: [row["name"] ?? ""],
                    weight: DirectoryNames.countryWeight + (Int(row["population"] ?? "") ?? 0))
            }, on: sql)
    }

    private func insertNetworks(cityIDs: [Int: Int], on database: any Database) async throws {
        let table = try readCSV("networks.csv")
        var successors: [(network: Network, successor: String)] = []
        var bySlug: [String: Int] = [:]
        for row in table.rows {
            func field(_ name: String) throws -> String { row.fields[try table.column(name)] }
            let network = Network()
            network.slug = try field("slug")
            network.name = try field("name")
            network.acronym = try field("acronym")
            network.founded = Int(try field("founded"))
            network.ended = Int(try field("ended"))
            network.scope = NetworkScope(rawValue: try field("scope")) ?? .global
            network.region = try field("region")
            network.themes = try field("themes").split(separator: ";").map(String.init)
            network.website = try field("website")
            network.source = try field("source")
            network.details = try field("description")
            let listSource = try field("member_list_source")
            network.memberListSource = listSource.isEmpty ? nil : listSource
            network.memberListNote = try field("member_list_note")
            network.$secretariatCity.id = Int(try field("secretariat_geonameid")).flatMap { cityIDs[$0] }
            try await network.create(on: database)
            bySlug[network.slug] = network.id!
            let successor = try field("successor")
            if !successor.isEmpty { successors.append((network, successor)) }
        }
        for (network, slug) in successors {
            guard let id = bySlug[slug] else {
                throw ImportError.unusableFile("networks.csv: \(network.slug)'s successor '\(slug)' is not a network")
            }
            network.$successor.id = id
            try await network.update(on: database)
        }
    }

    /// The research datasets' member lists, derived by `scripts/build_member_lists.py`.
    package static let memberListsFile = "member-lists.csv.gz"

    /// How the member lists are read: Cityweave's member-list columns, with each row's network, source and note.
    package static var memberLists: MembershipImport {
        var lists = MembershipImport(source: memberListsFile)
        lists.columns = .memberList
        lists.columns.network = "network_slug"
        lists.columns.source = "source"
        lists.columns.entity = "note"
        return lists
    }

    /// The memberships the networks publish (`memberships.csv`, by GeoNames id)
    /// and the member lists of research datasets (`member-lists.csv.gz`,
    /// matched by name); a closed network's memberships end with it.
    private func insertMemberships(
        matching: CityMatching, cityIDs: [Int: Int], on database: any Database, summary: inout ImportSummary
    ) async throws {
        var published = MembershipImport(source: "memberships.csv")
        published.cityIDsByGeonameid = cityIDs
        published.columns.network = "network_slug"
        published.columns.geonameid = "geonameid"
        published.columns.since = "since"
        published.columns.role = "role"
        published.columns.source = "source"
        // A network's list is known only where networks.csv says so: a few members named in the news are not its list.
        published.recordsListSource = false
        var lists = Self.memberLists
        lists.cityMatching = matching
        for (importer, text) in [
            (published, try String(contentsOfFile: folder + "memberships.csv", encoding: .utf8)),
            (lists, try readGzip(Self.memberListsFile)),
        ] {
            let loaded = try await importer.run(text: text, on: database, referenceFolder: folder)
            summary.alsoCreated["memberships", default: 0] += loaded.created
            for (kind, count) in loaded.alsoCreated { summary.alsoCreated[kind, default: 0] += count }
            summary.ignored["members not found among the cities loaded", default: 0] += loaded.unmatchedCount
        }
        try await (database as! any SQLDatabase).raw(
            """
            UPDATE memberships SET until = (SELECT ended FROM networks WHERE networks.id = memberships.network_id)
            WHERE until IS NULL AND network_id IN (SELECT id FROM networks WHERE ended IS NOT NULL)
            """
        ).run()
    }

    private func insertPartnerships(cityIDs: [Int: Int], on sql: any SQLDatabase, summary: inout ImportSummary)
        async throws
    {
        let table = try readCSV("partnerships.csv")
        let (first, second, kind, since, source) = (
            try table.column("geonameid1"), try table.column("geonameid2"), try table.column("kind"),
            try table.column("since"), try table.column("source")
        )
        var pairs: [PartnershipRow] = []
        for row in table.rows {
            guard let a = Int(row.fields[first]).flatMap({ cityIDs[$0] }),
                let b = Int(row.fields[second]).flatMap({ cityIDs[$0] }),
                let kind = PartnershipKind(rawValue: row.fields[kind])
            else { continue }
            pairs.append(
                PartnershipRow(
                    cityA: a, cityB: b, kind: kind, since: Int(row.fields[since]), source: row.fields[source]))
        }
        let created = try await PartnershipRow.insertNew(pairs, on: sql)
        summary.alsoCreated["partnerships", default: 0] += created
    }
}
