import Vapor

/// `cityweave i18n extract` and `cityweave i18n check`: the catalogues translators work on.
package struct LocalizationCommandGroup: AsyncCommandGroup {
    package var help = "Write the English catalogues from the code, or check the translations against them"
    package var commands: [String: any AnyAsyncCommand] = [
        "extract": ExtractMessagesCommand(), "check": CheckCataloguesCommand(),
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

struct CatalogueProblems: Error, CustomStringConvertible {
    var count: Int
    var description: String { "\(count) translation problems" }
}
