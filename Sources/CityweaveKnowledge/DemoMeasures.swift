import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// The local action tracker's example content: the measures Brazil's state
/// capitals took in 2020, as the Oxford COVID-19 Government Response Tracker
/// recorded them (`Resources/Demo/oxcgrt-brazil-2020-cities.csv`, built by
/// `scripts/build_demo_measures.py`), loaded through the tracker's import
/// and marked as examples.
package enum DemoMeasures {
    package static let file = "oxcgrt-brazil-2020-cities.csv"

    package static let loadIfEmpty = DemoContentFile.loader(
        file, what: "example measures of the local action tracker",
        isEmpty: { try await TrackedMeasure.query(on: $0).count() == 0 },
        load: { data, app, db in
            let summary = try await MeasureImport.run(
                text: String(decoding: data, as: UTF8.self), on: db,
                referenceFolder: ImportCommandRunner.referenceFolder(app), showsProgress: false)
            try await TrackedMeasure.query(on: db).set(\.$isExample, to: true).update()
            return summary.created
        })
}
