import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Foundation
import Vapor

/// `cityweave landscape …`: the landscape outside the server, on instance files.
package struct LandscapeCommandGroup: AsyncCommandGroup {
    package var help = "The landscape of networks: compute an instance file"
    package var commands: [String: any AnyAsyncCommand] = ["compute": ComputeLandscapeInstanceCommand()]
}

/// `cityweave landscape compute --instance FILE`: computes the whole
/// landscape of an instance (the JSON of `LandscapeInstance`) and prints the
/// report, with the time each part took, as JSON; `scripts/compare_landscape.py`
/// checks it against networkx and igraph.
package struct ComputeLandscapeInstanceCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Option(name: "instance", help: "The instance file (JSON of LandscapeInstance; see the README)")
        package var instance: String?

        package init() {}
    }

    package var help = "Compute a landscape instance file and print the report as JSON"

    package func run(using context: CommandContext, signature: Signature) async throws {
        let report = try InstanceFile.read(signature.instance, kind: "landscape instance") {
            try LandscapeInstance.compute(json: $0)
        }
        context.console.output(String(decoding: try report.json(), as: UTF8.self).consoleText())
    }
}
