import CityweaveCore
import Foundation
import Testing
import Vapor

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveDirectory
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveLandscape
@testable import CityweaveServer
@testable import CityweaveShared

extension CityweaveServerTests {
    @Suite struct InstanceCommandTests {
        /// Runs `cityweave <arguments>` and returns what it printed.
        private func run(_ command: any AnyAsyncCommand, _ arguments: [String]) async throws -> String {
            let console = CapturingConsole()
            var context = CommandContext(console: console, input: CommandInput(arguments: ["cityweave"] + arguments))
            try await command.run(using: &context)
            return console.printed
        }

        private func file(_ text: String) throws -> String {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).json")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }

        @Test func landscapeComputePrintsAnInstancesMetricsAndRefusesWhatIsNotOne() async throws {
            // setup: A and B in one network, B and C partners
            let instance = try file(
                """
                {"cities": [{"id": 1, "name": "A", "population": 10, "countryCode": "AA", "region": "R"},
                            {"id": 2, "name": "B", "population": 20, "countryCode": "AA", "region": "R"},
                            {"id": 3, "name": "C", "population": 30, "countryCode": "BB", "region": "S"}],
                 "networks": [{"id": 1, "name": "N", "themes": ["climate"]}],
                 "memberships": [{"networkID": 1, "cityID": 1}, {"networkID": 1, "cityID": 2}],
                 "partnerships": [{"first": 2, "second": 3}]}
                """)
            // MUT
            let printed = try await run(LandscapeCommandGroup(), ["compute", "--instance", instance])
            // validate
            let report = try JSONDecoder().decode(LandscapeReport.self, from: Data(printed.utf8))
            #expect(report.cities == 3 && report.networks == 1 && report.partnerships == 1)
            #expect(report.cityMetrics.map(\.weightedDegree) == [1, 2, 1])
            #expect(report.cityMetrics.map(\.betweenness) == [0, 0, 0])

            await #expect { try await run(LandscapeCommandGroup(), ["compute"]) } throws: {
                "\($0)".contains("--instance is required: the landscape instance file")
            }
            let notAnInstance = try file(#"{"cities": "none"}"#)
            await #expect {
                try await run(LandscapeCommandGroup(), ["compute", "--instance", notAnInstance])
            } throws: {
                "\($0)".contains("is not a landscape instance")
            }
            await #expect { try await run(AidCommandGroup(), ["solve", "--instance", notAnInstance]) } throws: {
                "\($0)".contains("is not a matching instance")
            }
        }
    }
}
