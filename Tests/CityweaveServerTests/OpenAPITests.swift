import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveDirectory
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveLandscape
@testable import CityweaveServer
@testable import CityweaveShared

extension CityweaveServerTests {
    @Suite struct OpenAPITests {
        /// The document's path for a registered route: `:id` becomes `{id}`.
        private func documentPath(_ route: Route) -> String {
            "/"
                + route.path.map { component in
                    switch component {
                    case .parameter(let name): "{\(name)}"
                    default: component.description
                    }
                }.joined(separator: "/")
        }

        @Test func everyAPIRouteIsDocumentedWithItsMethod() async throws {
            try await withCityweave(loadReference: false) { app in
                let document = CityweaveModules.all.openAPIDocument
                let paths = try #require(document["paths"])
                let apiRoutes = app.routes.all.filter {
                    let path = documentPath($0)
                    return path.hasPrefix("/api/") || path == "/healthz" || path == "/metrics"
                }
                #expect(apiRoutes.count >= 10)
                for route in apiRoutes {
                    let operation = paths[documentPath(route)]?[route.method.rawValue.lowercased()]
                    #expect(operation != nil, "\(route.method) \(documentPath(route)) is not in the OpenAPI document")
                    let answers = ["200", "201", "204"].compactMap { operation?["responses"]?[$0] }
                    #expect(!answers.isEmpty, "\(route.method) \(documentPath(route)) documents no success")
                    if ![.GET, .HEAD].contains(route.method) {
                        #expect(operation?["security"] != nil, "\(route.method) \(documentPath(route)) names no token")
                        #expect(operation?["responses"]?["403"] != nil)
                    }
                }
                // And nothing is documented that is not served.
                let served = Set(apiRoutes.map { documentPath($0) })
                for path in paths.keys { #expect(served.contains(path), "\(path) is documented but not served") }
            }
        }

        @Test func everyReferenceResolvesAndTheDocumentIsServed() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.testing().test(.GET, "api/openapi.json") { res async throws in
                    #expect(res.status == .ok)
                    let json =
                        try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as! [String: Any]
                    #expect(json["openapi"] as? String == "3.1.0")
                    var references: [String] = []
                    func collect(_ value: Any) {
                        if let object = value as? [String: Any] {
                            if let ref = object["$ref"] as? String { references.append(ref) }
                            object.values.forEach(collect)
                        } else if let array = value as? [Any] {
                            array.forEach(collect)
                        }
                    }
                    collect(json)
                    #expect(!references.isEmpty)
                    for reference in references {
                        var node: Any? = json
                        for part in reference.dropFirst(2).split(separator: "/") {
                            node = (node as? [String: Any])?[String(part)]
                        }
                        #expect(node != nil, "\(reference) does not resolve")
                    }
                }
            }
        }
    }
}
