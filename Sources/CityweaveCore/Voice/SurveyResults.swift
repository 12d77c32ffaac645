import Foundation

/// A city that submitted its answers, with what results are broken down by.
public struct SurveyRespondent: Sendable {
    public var cityID: Int
    public var region: String
    public var incomeGroup: String
    public var populationBand: PopulationBand
    public var answers: [String: SurveyAnswer]

    public init(
        cityID: Int, region: String, incomeGroup: String, populationBand: PopulationBand,
        answers: [String: SurveyAnswer]
    ) {
        self.cityID = cityID
        self.region = region
        self.incomeGroup = incomeGroup
        self.populationBand = populationBand
        self.answers = answers
    }

    /// The group this city falls in along `dimension`.
    public func group(_ dimension: SurveyBreakdown.Dimension) -> String {
        switch dimension {
        case .region: region
        case .incomeGroup: incomeGroup
        case .populationBand: populationBand.rawValue
        }
    }
}

/// The aggregate of one question over some respondents.
public struct QuestionResult: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        public var value: String
        public var count: Int
        /// Of the cities that answered the question, not of the selections: several
        /// choices make shares that add up past 1.
        public var share: Double
    }

    public struct Bin: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        public var count: Int
    }

    public var question: String
    /// n: the cities that answered it.
    public var respondents: Int
    /// Fewer than ``SurveyAggregation/minimumGroup`` cities answered: nothing else is shown.
    public var isHidden: Bool
    public var options: [Option]
    public var histogram: [Bin]
    public var median: Double?
    public var minimum: Double?
    public var maximum: Double?

    /// The count and share of one option, for citing it.
    public func option(_ value: String) -> Option? { options.first { $0.value == value } }

    /// Withholds every figure but n, as for a group too small to show.
    public mutating func hide() {
        isHidden = true
        options = []
        histogram = []
        median = nil
        minimum = nil
        maximum = nil
    }
}

/// Results of one group of cities (Africa, low income, under 100,000).
public struct SurveyGroupResult: Sendable, Equatable {
    public var group: String
    public var respondents: Int
    public var questions: [QuestionResult]
}

/// Results broken down along one dimension.
public struct SurveyBreakdown: Sendable, Equatable {
    public enum Dimension: String, CaseIterable, Sendable {
        case region
        case incomeGroup = "income"
        case populationBand = "population"
    }

    public var dimension: Dimension
    public var groups: [SurveyGroupResult]
}

/// What the aggregation of a survey's answers (``SurveyAnswerTable``) shares:
/// the smallest group whose figures are shown (fewer than three cities would
/// give one city's answer away), and how medians and histograms are taken.
public enum SurveyAggregation {
    public static let minimumGroup = 3
    public static let histogramBins = 10

    static func median(ofSorted values: [Double]) -> Double {
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    /// Equal bins from `lower` to `upper`, the last one closed; values outside go to the nearest bin.
    static func histogram(ofSorted values: [Double], from lower: Double, to upper: Double) -> [QuestionResult.Bin] {
        let width = (upper - lower) / Double(histogramBins)
        guard upper > lower, width.isFinite, width > 0 else {
            return [QuestionResult.Bin(lower: lower, upper: upper, count: values.count)]
        }
        var bins = (0..<histogramBins).map { index in
            QuestionResult.Bin(
                lower: lower + Double(index) * width,
                upper: index == histogramBins - 1 ? upper : lower + Double(index + 1) * width, count: 0)
        }
        for value in values {
            let position = ((value - lower) / width).rounded(.down)
            let index = position.isNaN ? 0 : Int(min(Double(histogramBins - 1), max(0, position)))
            bins[index].count += 1
        }
        return bins
    }
}
