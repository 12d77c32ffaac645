import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Foundation
import Vapor

/// The fields of a practice as a client sends them: all of them to create
/// one, any of them to change one (`PATCH`: left out stays, null clears an
/// optional field). ``apply(to:)`` checks everything before it changes anything.
package struct PracticeInput: Decodable, Sendable {
    package var language: FieldUpdate<String> = .unchanged
    package var title: FieldUpdate<String> = .unchanged
    package var summary: FieldUpdate<String> = .unchanged
    package var problem: FieldUpdate<String> = .unchanged
    package var method: FieldUpdate<[String]> = .unchanged
    package var staff: FieldUpdate<String> = .unchanged
    package var budgetBand: FieldUpdate<String> = .unchanged
    package var partners: FieldUpdate<String> = .unchanged
    package var legalInstruments: FieldUpdate<String> = .unchanged
    package var pitfalls: FieldUpdate<String> = .unchanged
    package var resources: FieldUpdate<String> = .unchanged
    package var evidence: FieldUpdate<String> = .unchanged
    package var stage: FieldUpdate<String> = .unchanged
    package var themes: FieldUpdate<[String]> = .unchanged
    package var links: FieldUpdate<[PracticeLink]> = .unchanged
    package var contactName: FieldUpdate<String> = .unchanged
    package var contactRole: FieldUpdate<String> = .unchanged
    package var contactEmail: FieldUpdate<String> = .unchanged

    package static let maximumMarkdownLength = 20_000
    package static let maximumTextLength = 2_000
    package static let maximumSteps = 30
    package static let maximumLinks = 20

    private enum CodingKeys: String, CodingKey {
        case language, title, summary, problem, method, staff, budgetBand, partners, legalInstruments, pitfalls,
            resources, evidence, stage, themes, links, contactName, contactRole, contactEmail
    }

    package init() {}

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        language = try container.update(String.self, forKey: .language)
        title = try container.update(String.self, forKey: .title)
        summary = try container.update(String.self, forKey: .summary)
        problem = try container.update(String.self, forKey: .problem)
        method = try container.update([String].self, forKey: .method)
        staff = try container.update(String.self, forKey: .staff)
        budgetBand = try container.update(String.self, forKey: .budgetBand)
        partners = try container.update(String.self, forKey: .partners)
        legalInstruments = try container.update(String.self, forKey: .legalInstruments)
        pitfalls = try container.update(String.self, forKey: .pitfalls)
        resources = try container.update(String.self, forKey: .resources)
        evidence = try container.update(String.self, forKey: .evidence)
        stage = try container.update(String.self, forKey: .stage)
        themes = try container.update([String].self, forKey: .themes)
        links = try container.update([PracticeLink].self, forKey: .links)
        contactName = try container.update(String.self, forKey: .contactName)
        contactRole = try container.update(String.self, forKey: .contactRole)
        contactEmail = try container.update(String.self, forKey: .contactEmail)
    }

    /// Checks every field against the practice as it is (empty for a new
    /// one) and applies them all, or throws a 400 naming the first bad field
    /// and changes nothing.
    package func apply(to practice: Practice) throws {
        let isNew = practice.id == nil
        let language = try LanguageName.code(required(self.language, isNew ? nil : practice.language, "language"))
        let title = try text(self.title, current: isNew ? nil : practice.title, "title", required: true, limit: 200)
        let summary = try text(
            self.summary, current: isNew ? nil : practice.summary, "summary", required: true, limit: 1_000)
        let problem = try text(
            self.problem, current: isNew ? nil : practice.problem, "problem", required: true,
            limit: Self.maximumMarkdownLength)
        let steps = (method.applied(to: isNew ? nil : practice.method) ?? [])
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !steps.isEmpty else {
            throw BadRequest(
                Message(
                    "knowledge.error.method-empty", "'{field}' needs at least one step.", ["field": .text("method")]))
        }
        guard steps.count <= Self.maximumSteps else {
            throw BadRequest(
                Message(
                    "knowledge.error.method-steps", "'{field}' may have at most {limit} steps; got {given}.",
                    ["field": .text("method"), "limit": .count(Self.maximumSteps), "given": .count(steps.count)]))
        }
        if let long = steps.firstIndex(where: { $0.count > Self.maximumTextLength }) {
            throw BadRequest(
                Message(
                    "knowledge.error.method-step-long", "'{field}' step {step} is longer than {limit} characters.",
                    ["field": .text("method"), "step": .count(long + 1), "limit": .count(Self.maximumTextLength)]))
        }
        let staff = try text(self.staff, current: isNew ? nil : practice.staff, "staff")
        let partners = try text(self.partners, current: isNew ? nil : practice.partners, "partners")
        let legal = try text(
            legalInstruments, current: isNew ? nil : practice.legalInstruments, "legalInstruments")
        let pitfalls = try text(
            self.pitfalls, current: isNew ? nil : practice.pitfalls, "pitfalls", limit: Self.maximumMarkdownLength)
        let resources = try text(
            self.resources, current: isNew ? nil : practice.resources, "resources", limit: Self.maximumMarkdownLength)
        let evidence = try text(
            self.evidence, current: isNew ? nil : practice.evidence, "evidence", limit: Self.maximumMarkdownLength)
        let band = try budgetBand.applied(to: isNew ? nil : practice.budgetBand?.rawValue).map {
            try FieldChoice.parse(BudgetBand.self, $0, field: "budgetBand")
        }
        let stage = try FieldChoice.parse(
            PracticeStage.self, try required(self.stage, isNew ? nil : practice.stage.rawValue, "stage"), field: "stage"
        )
        let themeNames = themes.applied(to: isNew ? nil : practice.themes) ?? []
        let themes: [Theme]
        switch Theme.parse(themeNames) {
        case .success(let parsed): themes = parsed
        case .failure(let unknown):
            throw BadRequest(
                Message(
                    "knowledge.error.themes-unknown", "'{field}': {reason}.",
                    ["field": .text("themes"), "reason": .message(unknown.reason)]))
        }
        guard !themes.isEmpty else {
            throw BadRequest(
                Message(
                    "knowledge.error.themes-empty", "'{field}' needs at least one theme.", ["field": .text("themes")]))
        }
        let links = try Self.checkedLinks(self.links.applied(to: isNew ? nil : practice.links) ?? [])
        let contactName = try optionalText(self.contactName, current: practice.contactName, "contactName")
        let contactRole = try optionalText(self.contactRole, current: practice.contactRole, "contactRole")
        let contactEmail = try optionalText(self.contactEmail, current: practice.contactEmail, "contactEmail")
        if let contactEmail, !Self.looksLikeEmail(contactEmail) {
            throw BadRequest(
                Message(
                    "knowledge.error.contact-email",
                    "'{field}' must be an e-mail address such as name@city.org; got '{given}'.",
                    ["field": .text("contactEmail"), "given": .text(contactEmail)]))
        }

        practice.language = language
        practice.title = title
        practice.summary = summary
        practice.problem = problem
        practice.method = steps
        practice.staff = staff
        practice.budgetBand = band
        practice.partners = partners
        practice.legalInstruments = legal
        practice.pitfalls = pitfalls
        practice.resources = resources
        practice.evidence = evidence
        practice.stage = stage
        practice.themes = themes.map(\.rawValue)
        practice.links = links
        practice.contactName = contactName
        practice.contactRole = contactRole
        practice.contactEmail = contactEmail
    }

    private func required(_ update: FieldUpdate<String>, _ current: String?, _ field: String) throws -> String {
        guard let value = update.applied(to: current)?.trimmingCharacters(in: .whitespacesAndNewlines),
            !value.isEmpty
        else { throw BadRequest.required(field) }
        return value
    }

    private func text(
        _ update: FieldUpdate<String>, current: String?, _ field: String, required: Bool = false,
        limit: Int = maximumTextLength
    ) throws -> String {
        let value = (update.applied(to: current) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if required, value.isEmpty { throw BadRequest.required(field) }
        guard value.count <= limit else {
            throw BadRequest(
                Message(
                    "knowledge.error.too-long-has",
                    "'{field}' may be at most {limit} characters long; it has {length}.",
                    ["field": .text(field), "limit": .count(limit), "length": .count(value.count)]))
        }
        return value
    }

    private func optionalText(_ update: FieldUpdate<String>, current: String?, _ field: String) throws -> String? {
        let value = try text(update, current: current, field, limit: 254)
        return value.isEmpty ? nil : value
    }

    /// Links must be web addresses: anything else (`javascript:`, `data:`) could run in a reader's browser.
    package static func checkedLinks(_ links: [PracticeLink]) throws -> [PracticeLink] {
        guard links.count <= maximumLinks else {
            throw BadRequest(
                Message(
                    "knowledge.error.links-count", "'{field}' may hold at most {limit} links; got {given}.",
                    ["field": .text("links"), "limit": .count(maximumLinks), "given": .count(links.count)]))
        }
        return try links.enumerated().map { index, link in
            let address = link.url.trimmingCharacters(in: .whitespaces)
            guard address.count <= 2_000, let url = URL(string: address),
                let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
                let host = url.host, !host.isEmpty
            else {
                throw BadRequest(
                    Message(
                        "knowledge.error.link-address",
                        "'{field}' item {item}: '{given}' is not an http or https address.",
                        ["field": .text("links"), "item": .count(index + 1), "given": .text(link.url)]))
            }
            let title = link.title.trimmingCharacters(in: .whitespaces)
            guard title.count <= 200 else {
                throw BadRequest(
                    Message(
                        "knowledge.error.link-title",
                        "'{field}' item {item}: the title may be at most {limit} characters long.",
                        ["field": .text("links"), "item": .count(index + 1), "limit": .count(200)]))
            }
            return PracticeLink(title: title.isEmpty ? host : title, url: address)
        }
    }

    package static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }
}
