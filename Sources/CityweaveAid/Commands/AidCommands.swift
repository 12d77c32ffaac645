import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Foundation
import Vapor

/// `cityweave aid …`: the matching outside the server, on instance files.
package struct AidCommandGroup: AsyncCommandGroup {
    package var help = "Mutual aid: solve a matching instance file"
    package var commands: [String: any AnyAsyncCommand] = ["solve": SolveAidInstanceCommand()]
}

/// `cityweave aid solve --instance FILE [--network OUT]`: solves an instance
/// (the JSON of `AidMatchingInstance`), prints the report as JSON and, when
/// asked, writes the exact flow network it solved, so that another solver
/// can be run on the same network (`scripts/compare_aid_matching.py`).
package struct SolveAidInstanceCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Option(name: "instance", help: "The instance file (JSON)")
        package var instance: String?
        @Option(name: "network", help: "Write the flow network solved to this file (JSON)")
        package var network: String?

        package init() {}
    }

    package var help = "Solve a matching instance file and print the report as JSON"

    package func run(using context: CommandContext, signature: Signature) async throws {
        let outcome = try InstanceFile.read(signature.instance, kind: "matching instance") {
            try AidMatchingInstance.solve(json: $0)
        }
        if let network = signature.network {
            try outcome.networkJSON().write(to: URL(fileURLWithPath: network))
        }
        context.console.output(String(decoding: try outcome.reportJSON(), as: UTF8.self).consoleText())
    }
}
