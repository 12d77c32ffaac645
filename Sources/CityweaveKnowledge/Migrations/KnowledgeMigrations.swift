import Fluent

/// The knowledge module's migrations, in the order they landed.
package enum KnowledgeMigrations {
    package static let all: [any Migration] = [
        CreatePractice(), CreatePracticeReview(), CreatePracticeTransfer(), CreateTrackedMeasure(),
        CreatePracticeSearchIndex(), CreatePublishedPracticesGeneration(), AddTrackedMeasureExample(),
        RefoldHanVariantsInTheSearchIndex(),
    ]
}
