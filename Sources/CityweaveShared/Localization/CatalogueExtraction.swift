import CityweaveCore
import Foundation

/// Reads the messages of the code and templates into one English template
/// catalogue per module (`Resources/Localization/<module>.pot`), and checks
/// each language's catalogues against those templates. A module is a folder
/// of `Resources/Views` or a target of `Sources` (`CityweaveDirectory` is
/// `directory`; the kernel and the core are `shared` and `core`).
package struct CatalogueExtraction {
    package let root: URL

    package init(root: String) { self.root = URL(fileURLWithPath: root) }

    package struct Problem: Error, CustomStringConvertible, Equatable {
        package var description: String
    }

    /// Every module's messages, by module, sorted by key; two uses of one key with different English
    /// are a problem naming both places.
    package func templates() throws -> [String: Catalogue] {
        var found: [String: [String: CatalogueEntry]] = [:]
        // Pages look messages up by key alone: a key belongs to one module.
        var moduleOfKey: [String: String] = [:]
        func add(_ entry: CatalogueEntry, module: String) throws {
            if let other = moduleOfKey[entry.key], other != module {
                throw Problem(
                    description: "\(entry.references[0]): '\(entry.key)' is already a message of the \(other) module")
            }
            moduleOfKey[entry.key] = module
            if var known = found[module]?[entry.key] {
                guard known.source == entry.source, known.sourcePlural == entry.sourcePlural else {
                    throw Problem(
                        description:
                            "\(entry.references[0]): '\(entry.key)' is \"\(entry.source)\" here but \"\(known.source)\" at \(known.references[0])"
                    )
                }
                known.references += entry.references
                found[module]![entry.key] = known
            } else {
                found[module, default: [:]][entry.key] = entry
            }
        }
        for (file, module) in try files(under: "Resources/Views", ending: ".leaf") {
            for entry in try entries(in: file, patterns: Self.templatePatterns) { try add(entry, module: module) }
        }
        for (file, module) in try files(under: "Sources", ending: ".swift") {
            for entry in try entries(in: file, patterns: Self.swiftPatterns) { try add(entry, module: module) }
        }
        return found.mapValues { entries in
            Catalogue(language: nil, entries: entries.values.sorted { $0.key < $1.key })
        }
    }

    /// Writes every module's template catalogue, and brings each language's catalogue in line with it
    /// (as `msgmerge` would): new messages added untranslated, translations of a changed English text
    /// kept but marked fuzzy for review, messages no code uses dropped. Returns the files written.
    package func extract() throws -> [String] {
        let folder = root.appendingPathComponent(Localizer.folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for (module, template) in try templates().sorted(by: { $0.key < $1.key }) {
            try template.text.write(
                to: folder.appendingPathComponent("\(module).pot"), atomically: true, encoding: .utf8)
            written.append(Localizer.folder + "/\(module).pot")
            for language in InterfaceLanguage.allCases where language != .source {
                let path = "\(language.rawValue)/\(module).po"
                let file = folder.appendingPathComponent(path)
                let existing = try (try? String(contentsOf: file, encoding: .utf8)).map {
                    try Catalogue(parsing: $0, file: Localizer.folder + "/" + path)
                }
                let merged = template.merged(translations: existing?.entries ?? [], language: language)
                guard merged != existing else { continue }
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try merged.text.write(to: file, atomically: true, encoding: .utf8)
                written.append(Localizer.folder + "/" + path)
            }
        }
        return written
    }

    /// What keeps `language`'s catalogues from matching the code: messages missing or untranslated,
    /// translations of an English text that has changed (stale), placeholders that differ, plural
    /// forms missing, and messages no code uses any more.
    package func problems(in language: InterfaceLanguage) throws -> [String] {
        var problems: [String] = []
        for (module, template) in try templates().sorted(by: { $0.key < $1.key }) {
            let path = Localizer.folder + "/\(language.rawValue)/\(module).po"
            let file = root.appendingPathComponent(path).path
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                problems.append("\(path) is missing (\(template.entries.count) messages)")
                continue
            }
            let catalogue = try Catalogue(parsing: text, file: path)
            if catalogue.language != language {
                problems.append("\(path): its header names the language '\(catalogue.language?.rawValue ?? "none")'")
            }
            let translated = Dictionary(catalogue.entries.map { ($0.key, $0) }) { first, _ in first }
            for source in template.entries {
                guard let entry = translated[source.key] else {
                    problems.append("\(path): '\(source.key)' is missing")
                    continue
                }
                if entry.source != source.source || entry.sourcePlural != source.sourcePlural {
                    problems.append("\(path): '\(source.key)' translates an older English text (stale)")
                    continue
                }
                if entry.isFuzzy { problems.append("\(path): '\(source.key)' awaits review (fuzzy)") }
                let forms = source.sourcePlural == nil ? 1 : language.pluralCategories.count
                guard entry.translations.count == forms, entry.translations.allSatisfy({ !$0.isEmpty }) else {
                    problems.append("\(path): '\(source.key)' needs \(forms) translation\(forms == 1 ? "" : "s")")
                    continue
                }
                let expected = Set(Message.placeholders(in: source.source + (source.sourcePlural ?? "")))
                for translation in entry.translations {
                    let used = Set(Message.placeholders(in: translation))
                    // A plural form may leave out the count ("one member"); no form may add a placeholder.
                    let allowed = source.sourcePlural == nil ? used == expected : used.isSubset(of: expected)
                    if !allowed {
                        problems.append(
                            "\(path): '\(source.key)' has placeholders \(used.sorted()) where the English has \(expected.sorted())"
                        )
                    }
                }
            }
            let keys = Set(template.entries.map(\.key))
            for entry in catalogue.entries where !keys.contains(entry.key) {
                problems.append("\(path): '\(entry.key)' is used nowhere any more")
            }
        }
        return problems
    }

    // MARK: reading the code

    /// The `#t` and `#tp` tags of templates: key, English (and its plural).
    static let templatePatterns = [
        #"#tp\(\s*"([^"]+)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)""#,
        #"#t\(\s*"([^"]+)"\s*,\s*"((?:[^"\\]|\\.)*)""#,
    ]
    /// A ``Message`` written in Swift: key, English (or `one:` and `other:`).
    static let swiftPatterns = [
        #"Message\(\s*"([^"]+)"\s*,\s*one:\s*"((?:[^"\\]|\\.)*)"\s*,\s*other:\s*"((?:[^"\\]|\\.)*)""#,
        #"Message\(\s*"([^"]+)"\s*,\s*"((?:[^"\\]|\\.)*)""#,
    ]

    private func entries(in file: URL, patterns: [String]) throws -> [CatalogueEntry] {
        let text = try String(contentsOf: file, encoding: .utf8)
        let relative = String(file.path.dropFirst(root.path.count + 1))
        var entries: [CatalogueEntry] = []
        var taken: [Range<String.Index>] = []
        for pattern in patterns {
            let expression = try NSRegularExpression(pattern: pattern)
            let whole = NSRange(text.startIndex..., in: text)
            for match in expression.matches(in: text, range: whole) {
                guard let range = Range(match.range, in: text), !taken.contains(where: { $0.overlaps(range) }) else {
                    continue
                }
                taken.append(range)
                let group = { (index: Int) in
                    Range(match.range(at: index), in: text).map { Self.unescaped(String(text[$0])) }
                }
                let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
                let isPlural = match.numberOfRanges > 3
                let (source, plural) = (group(2)!, isPlural ? group(3) : nil)
                entries.append(
                    CatalogueEntry(
                        key: group(1)!, source: source, sourcePlural: plural,
                        comments: [Self.translatorComment(source: source, plural: plural)],
                        references: ["\(relative):\(line)"]))
            }
        }
        return entries
    }

    /// What a translator needs beside the text: which words are filled in, and which
    /// number the forms of a plural message vary with.
    static func translatorComment(source: String, plural: String?) -> String {
        let names = Message.placeholders(in: source + (plural ?? ""))
        var comment =
            names.isEmpty
            ? "No placeholder."
            : "Placeholders, filled in when shown: \(names.map { "{\($0)}" }.joined(separator: ", "))."
        if plural != nil { comment += " One form for each plural category of the number {count}." }
        return comment
    }

    /// Each file of `folder` ending in `suffix`, with the module it belongs to.
    private func files(under folder: String, ending suffix: String) throws -> [(URL, String)] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        var files: [(URL, String)] = []
        for case let file as URL in walker where file.lastPathComponent.hasSuffix(suffix) {
            let top = file.path.dropFirst(base.path.count + 1).split(separator: "/").first.map(String.init) ?? ""
            files.append((file, Self.module(named: top)))
        }
        return files.sorted { $0.0.path < $1.0.path }
    }

    /// `CityweaveDirectory` and `Directory` are both `directory`.
    static func module(named folder: String) -> String {
        let name = folder.hasPrefix("Cityweave") ? String(folder.dropFirst("Cityweave".count)) : folder
        return name.isEmpty ? "shared" : name.lowercased()
    }

    /// A literal's text: Swift and Leaf escape quotes and backslashes alike.
    private static func unescaped(_ literal: String) -> String {
        literal.replacingOccurrences(of: #"\""#, with: "\"").replacingOccurrences(of: #"\\"#, with: "\\")
    }
}
