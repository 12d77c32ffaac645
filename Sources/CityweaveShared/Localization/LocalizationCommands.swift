import Foundation
import Vapor

/// `cityweave i18n extract` and `cityweave i18n check`: the catalogues translators work on.
package struct LocalizationCommandGroup: AsyncCommandGroup {
    package var help = "Write the English catalogues from the code, or check the translations against them"
    package var commands: [String: any AnyAsyncCommand] = [
        "extract": ExtractMessagesCommand(), "check": CheckCataloguesCommand(), "pseudo": PseudoCataloguesCommand(),
    ]

    package init() {}
}

/// Writes `Resources/Localization/<module>.pot` from the messages of the code and templates.
struct ExtractMessagesCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help = "Write each module's English catalogue (.pot) from the code and templates"

    func run(using context: CommandContext, signature: Signature) async throws {
        let extraction = CatalogueExtraction(root: context.application.directory.workingDirectory)
        for file in try extraction.extract() { context.console.print("wrote \(file)") }
    }
}

/// Lists every message a language's catalogues lack, translate from an older English text, or word
/// with other placeholders; fails when there is any.
struct CheckCataloguesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "language", help: "One language (zh, es, fr, ar, ru); all of them when left out")
        var language: String?
    }

    var help = "Report missing, stale and broken translations"

    func run(using context: CommandContext, signature: Signature) async throws {
        let languages: [InterfaceLanguage]
        if let code = signature.language {
            guard let language = InterfaceLanguage(rawValue: code), language != .source else {
                throw BadRequest("--language must be one of zh, es, fr, ar, ru; got '\(code)'")
            }
            languages = [language]
        } else {
            languages = InterfaceLanguage.allCases.filter { $0 != .source }
        }
        let extraction = CatalogueExtraction(root: context.application.directory.workingDirectory)
        var total = 0
        for language in languages {
            let problems = try extraction.problems(in: language)
            total += problems.count
            context.console.print(
                "\(language.rawValue): \(problems.isEmpty ? "complete" : "\(problems.count) problems")")
            for problem in problems { context.console.print("  \(problem)") }
        }
        if total > 0 { throw CatalogueProblems(count: total) }
    }
}

/// Writes one language's catalogues in the pseudo-locale into another folder, for a server started
/// there to show what the catalogues miss and where long words break a page.
struct PseudoCataloguesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "language", help: "The language whose catalogues the pseudo-locale stands in for (default fr)")
        var language: String?
        @Option(name: "into", help: "The localization folder to write <language>/<module>.po into")
        var into: String?
    }

    var help = "Write a pseudo-locale (accented, 40% longer) in place of one language's catalogues"

    func run(using context: CommandContext, signature: Signature) async throws {
        let code = signature.language ?? "fr"
        guard let language = InterfaceLanguage(rawValue: code), language != .source else {
            throw BadRequest("--language must be one of zh, es, fr, ar, ru; got '\(code)'")
        }
        guard let into = signature.into else { throw BadRequest("--into is required: a localization folder") }
        let folder = URL(fileURLWithPath: into).appendingPathComponent(language.rawValue)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // From the English catalogues, so that a server without its sources can be given one.
        let templates = URL(fileURLWithPath: context.application.directory.workingDirectory)
            .appendingPathComponent(Localizer.folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: templates.path).filter { $0.hasSuffix(".pot") }
        for name in names.sorted() {
            let path = templates.appendingPathComponent(name).path
            let template = try Catalogue(parsing: try String(contentsOfFile: path, encoding: .utf8), file: path)
            let file = folder.appendingPathComponent(name.replacingOccurrences(of: ".pot", with: ".po"))
            try PseudoLocale.translated(template, as: language).text.write(to: file, atomically: true, encoding: .utf8)
            context.console.print("wrote \(file.path)")
        }
    }
}

struct CatalogueProblems: Error, CustomStringConvertible {
    var count: Int
    var description: String { "\(count) translation problems" }
}
