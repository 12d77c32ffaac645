import Foundation
import Testing

@testable import CityweaveServer

/// The modules' boundaries, read from the sources: a feature module uses the
/// foundation (Directory, Accounts) and the shared kernel, never another
/// feature module, and the foundation and the kernel name no feature module.
/// This guards what separate compilation targets would: their types, their
/// members on `Application` and `Request`, and their tables in raw SQL.
extension CityweaveServerTests {
    @Suite struct ModuleBoundaryTests {
        static let features = ["Knowledge", "Engagement", "Aid", "Landscape"]
        static let everyFolder = features + ["Directory", "Accounts", "Shared"]

        @Test func noModuleReachesIntoAFeatureModuleThatIsNotItself() throws {
            let sources = try SourceTree(root: TestEnvironment.packageRoot + "Sources/CityweaveServer/")
            var crossings: [String] = []
            for folder in Self.everyFolder {
                for (file, text) in sources.files(in: folder) {
                    for other in Self.features where other != folder {
                        let names = sources.declaredNames(in: other)
                        let used = SourceTree.identifiers(in: text).intersection(names)
                        crossings += used.sorted().map { "\(file) uses \(other)'s \($0)" }
                        let tables = sources.tables(of: other)
                        for line in text.split(separator: "\n") where SourceTree.isSQL(line) {
                            let words = SourceTree.identifiers(in: String(line))
                            crossings += words.intersection(tables).sorted().map {
                                "\(file) reads \(other)'s table \($0)"
                            }
                        }
                    }
                }
            }
            #expect(crossings.isEmpty, "\(crossings.joined(separator: "\n"))")
        }

        @Test func theGuardFindsACrossingWhenThereIsOne() throws {
            let sources = try SourceTree(root: TestEnvironment.packageRoot + "Sources/CityweaveServer/")
            #expect(sources.declaredNames(in: "Knowledge").contains("PublishedPractices"))
            #expect(sources.declaredNames(in: "Knowledge").contains("publishedPractices"))
            #expect(sources.declaredNames(in: "Landscape").contains("LandscapeDirectory"))
            #expect(sources.tables(of: "Aid").contains("aid_allocations"))
            let text = "let x = app.publishedPractices\nSELECT * FROM aid_allocations"
            #expect(SourceTree.identifiers(in: text).contains("publishedPractices"))
            #expect(SourceTree.isSQL("SELECT * FROM aid_allocations"))
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

    /// Top-level types, and the members a module adds to `Application` and `Request`.
    func declaredNames(in folder: String) -> Set<String> {
        var names = Set<String>()
        for (_, text) in files(in: folder) {
            names.formUnion(
                Self.matches(
                    #"(?m)^(?:public |private |fileprivate )?(?:final )?(?:struct|enum|class|protocol|actor|typealias) ([A-Z]\w*)"#,
                    in: text))
            for block in Self.matches(#"(?ms)^extension (?:Application|Request) \{(.*?)^\}"#, in: text) {
                names.formUnion(
                    Self.matches(#"(?m)^    (?:public |private )?(?:var|func|static func) (\w+)"#, in: block))
            }
        }
        return names.subtracting(["Key", "Value"])
    }

    /// The tables a module's models and migrations name.
    func tables(of folder: String) -> Set<String> {
        var tables = Set<String>()
        for (_, text) in files(in: folder) {
            tables.formUnion(Self.matches(#"static let schema = "(\w+)""#, in: text))
            tables.formUnion(Self.matches(#"\.schema\("(\w+)"\)"#, in: text))
        }
        return tables
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
