import CityweaveCore
import Vapor

/// `cityweave import …`: loads real files, with the sub-commands the modules declare.
package struct ImportCommandGroup: AsyncCommandGroup {
    package var help = "Load records from real files: GeoNames cities, partnerships, memberships and more"
    package var commands: [String: any AnyAsyncCommand]
}

/// The steps every import command shares: read the file, run, print the summary, write the report.
package enum ImportCommandRunner {
    package static func readFile(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ImportError.unusableFile("cannot read \(path) as UTF-8 text: \(error.localizedDescription)")
        }
    }

    package static func finish(_ summary: ImportSummary, report: String?, context: CommandContext) throws {
        for line in summary.lines() { context.console.print(line) }
        if let report {
            try summary.reportCSV.write(toFile: report, atomically: true, encoding: .utf8)
            context.console.print("report written to \(report)")
        }
    }

    package static func referenceFolder(_ application: Application) -> String {
        application.directory.workingDirectory + "Resources/Reference/"
    }

    package static func lineCount(_ text: String) -> Int {
        text.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }
}

/// A file an import cannot use at all, with the reason.
package enum ImportError: Error, CustomStringConvertible {
    case unusableFile(String)

    package var description: String {
        switch self {
        case .unusableFile(let reason): reason
        }
    }
}
