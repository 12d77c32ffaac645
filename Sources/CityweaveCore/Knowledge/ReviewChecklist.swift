/// The completeness checklist a network applies when it reviews a practice,
/// in the spirit of the OECD OPSI case library's acceptance criteria: every
/// section is filled, the practice can be read on its own, and it gives
/// evidence. The first is checked from the text; the others the reviewer attests.
public struct ReviewChecklist: Sendable, Equatable, Codable {
    /// Sections that are empty.
    public var missingSections: [String]
    /// The reviewer read it without needing anything else to understand it.
    public var readableAlone: Bool
    /// The evidence section shows what changed and how it was measured.
    public var evidenceGiven: Bool

    public init(missingSections: [String], readableAlone: Bool, evidenceGiven: Bool) {
        self.missingSections = missingSections
        self.readableAlone = readableAlone
        self.evidenceGiven = evidenceGiven
    }

    public var sectionsComplete: Bool { missingSections.isEmpty }
    /// All three criteria hold: the label a network gives is "complete".
    public var isComplete: Bool { sectionsComplete && readableAlone && evidenceGiven }

    /// The sections a transferable practice must fill, by name, with their text.
    public static func missingSections(_ sections: KeyValuePairs<String, String>) -> [String] {
        sections.filter { $0.value.allSatisfy(\.isWhitespace) }.map(\.key)
    }
}
