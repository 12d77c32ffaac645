import Foundation
import Leaf
import LeafKit
import Testing
import Vapor
import VaporTesting

@testable import CityweaveEngagement
@testable import CityweaveServer
@testable import CityweaveShared

/// The site's paths: every page route is registered from a module's
/// `SitePath`, and every link in a template or in Swift is built from one.
extension CityweaveServerTests {
    @Suite struct SitePathTests {
        /// Served routes that are not pages: the JSON API, the health check and the metrics.
        static func isPage(_ pattern: String) -> Bool {
            !pattern.hasPrefix("/api/") && !["/healthz", "/metrics"].contains(pattern)
        }

        @Test func everyDeclaredPathIsServedAndEveryServedPageIsDeclared() async throws {
            try await withCityweave(loadReference: false) { app in
                let served = Set(
                    app.routes.all.map { route in
                        "/" + route.path.map(\.description).joined(separator: "/")
                    }
                ).filter(Self.isPage)
                let declared = CityweaveModules.all.pagePatterns
                #expect(declared.subtracting(served).isEmpty, "declared, not served: \(declared.subtracting(served))")
                #expect(served.subtracting(declared).isEmpty, "served, not declared: \(served.subtracting(declared))")
                #expect(declared.count > 70)
            }
        }

        @Test func aPathIsFilledInOrderAndEachValueStaysOneSegment() {
            #expect(
                SitePathPattern("/cities/:id/people/:userID").filled(with: ["7", "a b"]) == "/cities/7/people/a%20b")
            #expect(SitePathPattern("/networks/:slug").filled(with: ["../admin?x#y"]) == "/networks/..%2Fadmin%3Fx%23y")
            #expect(SitePathPattern("/").filled(with: []) == "/")
            #expect(EngagementPath.plan.href(3, 12) == "/cities/3/portfolio/plans/12")
        }

        @Test func templatesLinkOnlyThroughDeclaredPaths() throws {
            let folder = TestEnvironment.packageRoot + "Resources/Views/"
            let declared = CityweaveModules.all.pagePatterns
            var problems: [String] = []
            var uses = 0
            let files = FileManager.default.enumerator(atPath: folder)
            while let file = files?.nextObject() as? String {
                guard file.hasSuffix(".leaf") else { continue }
                let text = try String(contentsOfFile: folder + file, encoding: .utf8)
                for pattern in Self.matches(#"#path\("([^"]*)""#, in: text) {
                    uses += 1
                    if !declared.contains(pattern) { problems.append("\(file): #path(\"\(pattern)\") is no page") }
                }
                for literal in Self.matches(#"(?:href|action)="(/[^"]*)""#, in: text)
                where !literal.hasPrefix("/css/") && !literal.hasPrefix("/api/") {
                    problems.append("\(file): \(literal) is written by hand")
                }
            }
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
            #expect(uses > 100)
        }

        @Test func swiftBuildsPagePathsOnlyThroughDeclaredPaths() throws {
            let root = TestEnvironment.packageRoot + "Sources/"
            var literals: [String] = []
            let files = FileManager.default.enumerator(atPath: root)
            while let file = files?.nextObject() as? String {
                guard file.hasSuffix(".swift"), !file.hasSuffix("Path.swift"), !file.contains("OpenAPI"),
                    !file.hasPrefix("CityweaveCore/"), !file.hasPrefix("CityweaveSyntheticData/")
                else { continue }
                let text = try String(contentsOfFile: root + file, encoding: .utf8)
                literals += Self.matches(#""(/[a-z][^"]*)""#, in: text)
                    .filter { !$0.hasPrefix("/api/") && Self.isPage($0) }.map { "\(file): \($0)" }
            }
            // The navigation marks "Directory" as current under every city's page.
            #expect(literals == ["CityweaveDirectory/DirectoryModule.swift: /cities"], "\(literals)")
        }

        @Test func aTemplateNamingNoPageFailsRatherThanLinkingNowhere() async throws {
            let tag = PathTag(patterns: ["/cities/:id"])
            let renderer = LeafRenderer(
                configuration: .init(rootDirectory: "/"), tags: ["path": tag],
                sources: .singleSource(Self.Templates()), eventLoop: MultiThreadedEventLoopGroup.singleton.any())
            let good = try await renderer.render(path: "good", context: ["id": 7]).get()
            #expect(String(buffer: good) == "/cities/7")
            await #expect(throws: (any Error).self) { try await renderer.render(path: "unknown", context: [:]).get() }
            await #expect(throws: (any Error).self) { try await renderer.render(path: "short", context: [:]).get() }
        }

        /// Three one-line templates for the tag.
        struct Templates: LeafSource {
            func file(template: String, escape: Bool, on eventLoop: any EventLoop) throws -> EventLoopFuture<ByteBuffer>
            {
                let text =
                    switch template {
                    case "good": #"#path("/cities/:id", id)"#
                    case "unknown": #"#path("/towns/:id", 1)"#
                    default: #"#path("/cities/:id")"#
                    }
                return eventLoop.makeSucceededFuture(ByteBuffer(string: text))
            }
        }

        private static func matches(_ pattern: String, in text: String) -> [String] {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
            let range = NSRange(text.startIndex..., in: text)
            return expression.matches(in: text, range: range).compactMap { match in
                Range(match.range(at: 1), in: text).map { String(text[$0]) }
            }
        }
    }
}
