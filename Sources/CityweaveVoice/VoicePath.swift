import CityweaveShared

/// The pages of collective voice: statements with their endorsements, and surveys with their results.
package enum VoicePath: String, SitePath {
    case statements = "/statements"
    case newStatement = "/statements/new"
    case statement = "/statements/:id"
    case editStatement = "/statements/:id/edit"
    case statementState = "/statements/:id/state"
    case statementTranslations = "/statements/:id/translations"
    case statementCitations = "/statements/:id/citations"
    case removeCitation = "/statements/:id/citations/:citation/remove"
    case endorsement = "/statements/:id/endorsements/:organisation"
    case withdrawEndorsement = "/statements/:id/endorsements/:organisation/withdraw"
    case signatories = "/statements/:id/signatories"
    case statementMap = "/statements/:id/map.svg"
    case feed = "/feeds/statements.atom"
    case surveys = "/surveys"
    case newSurvey = "/surveys/new"
    case survey = "/surveys/:id"
    case editSurvey = "/surveys/:id/edit"
    case surveyQuestions = "/surveys/:id/questions"
    case removeQuestion = "/surveys/:id/questions/:question/remove"
    case surveyState = "/surveys/:id/state"
    case response = "/surveys/:id/responses/:city"
    case results = "/surveys/:id/results"
    case resultsCSV = "/surveys/:id/results.csv"
    case answersCSV = "/surveys/:id/answers.csv"
}
