import Fluent

/// The voice module's migrations, in the order they landed.
package enum VoiceMigrations {
    package static let all: [any Migration] = [
        CreateStatement(), CreateStatementLead(), CreateStatementVersion(), CreateStatementTranslation(),
        CreateEndorsement(), CreateSurvey(), CreateSurveyResponse(), CreateStatementCitation(), AddResponseRevision(),
    ]
}
