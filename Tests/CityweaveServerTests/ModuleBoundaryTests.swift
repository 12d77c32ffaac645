import Foundation
import Testing

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveDirectory
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveLandscape
@testable import CityweaveServer
@testable import CityweaveShared

/// The modules' boundaries. Each module is a target of its own, so the
/// compiler refuses a type of a module its target does not depend on; these
/// tests guard what it cannot see: that no file imports a module it should
/// not stand on (a dependency added to the manifest by mistake), and that no
/// raw SQL reads the tables of a feature module that is not its own.
extension CityweaveServerTests {
    @Suite struct ModuleBoundaryTests {
        static let features = [
            "CityweaveKnowledge", "CityweaveEngagement", "CityweaveAid", "CityweaveLandscape", "CityweaveVoice",
            "CityweaveEvents",
        ]
        /// The modules each module may stand on.
        static let foundations: [String: Set<String>] = {
            var allowed: [String: Set<String>] = [
                "CityweaveShared": ["CityweaveCore"],
                "CityweaveAccounts": ["CityweaveCore", "CityweaveShared"],
                "CityweaveDirectory": ["CityweaveCore", "CityweaveShared", "CityweaveAccounts"],
            ]
            for feature in features { allowed[feature] = allowed["CityweaveDirectory"]!.union(["CityweaveDirectory"]) }
            return allowed
        }()

        @Test func everyModuleImportsOnlyWhatItStandsOn() throws {
            let sources = try SourceTree(root: TestEnvironment.packageRoot + "Sources/")
            var crossings: [String] = []
            for (module, allowed) in Self.foundations.sorted(by: { $0.key < $1.key }) {
                #expect(!sources.files(in: module).isEmpty, "no sources found for \(module)")
                for (file, text) in sources.files(in: module) {
                    let imported = SourceTree.importedCityweaveModules(in: text)
                    crossings += imported.subtracting(allowed).sorted().map { "\(module)/\(file) imports \($0)" }
                }
            }
            #expect(crossings.isEmpty, "\(crossings.joined(separator: "\n"))")
        }

        @Test func noRawSQLReadsAnotherFeatureModulesTables() throws {
            let sources = try SourceTree(root: TestEnvironment.packageRoot + "Sources/")
            var crossings: [String] = []
            for module in Self.foundations.keys.sorted() {
                for (file, text) in sources.files(in: module) {
                    for other in Self.features where other != module {
                        let tables = sources.tables(of: other)
                        for line in text.split(separator: "\n") where SourceTree.isSQL(line) {
                            let words = SourceTree.identifiers(in: String(line))
                            crossings += words.intersection(tables).sorted().map {
                                "\(module)/\(file) reads \(other)'s table \($0)"
                            }
                        }
                    }
                }
            }
            #expect(crossings.isEmpty, "\(crossings.joined(separator: "\n"))")
        }

        @Test func theGuardsFindACrossingWhenThereIsOne() throws {
            let sources = try SourceTree(root: TestEnvironment.packageRoot + "Sources/")
            #expect(sources.tables(of: "CityweaveAid").contains("aid_allocations"))
            #expect(SourceTree.isSQL("SELECT * FROM aid_allocations"))
            #expect(SourceTree.identifiers(in: "SELECT * FROM aid_allocations").contains("aid_allocations"))
            let imports = "import CityweaveShared\n@testable import CityweaveAid\nimport Vapor"
            #expect(SourceTree.importedCityweaveModules(in: imports) == ["CityweaveShared", "CityweaveAid"])
        }
    }
}

/// The Swift files of the server, by module folder, and what each module declares.
private struct SourceTree {
    private var filesByFolder: [String: [(String, String)]] = [:]

    init(root: String) throws {
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift"), let folder = path.split(separator: "/").first.map(String.init) else {
                continue
            }
            let text = try String(contentsOfFile: root + path, encoding: .utf8)
            filesByFolder[folder, default: []].append((path, Self.withoutComments(text)))
        }
    }

    func files(in folder: String) -> [(String, String)] { filesByFolder[folder] ?? [] }

    /// The tables a module's models and migrations name.
    func tables(of folder: String) -> Set<String> {
        var tables = Set<String>()
        for (_, text) in files(in: folder) {
            tables.formUnion(Self.matches(#"static let schema = "(\w+)""#, in: text))
            tables.formUnion(Self.matches(#"\.schema\("(\w+)"\)"#, in: text))
        }
        return tables
    }

    static func importedCityweaveModules(in text: String) -> Set<String> {
        Set(matches(#"(?m)^(?:@testable )?import (Cityweave\w*)"#, in: text))
    }

    static func isSQL(_ line: some StringProtocol) -> Bool {
        line.range(of: #"\b(FROM|JOIN|INTO|UPDATE|TABLE)\b"#, options: .regularExpression) != nil
    }

    static func identifiers(in text: String) -> Set<String> {
        Set(matches(#"\b([A-Za-z_]\w*)\b"#, in: text))
    }

    private static func withoutComments(_ text: String) -> String {
        text.replacingOccurrences(of: #"//[^\n]*"#, with: "", options: .regularExpression)
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
