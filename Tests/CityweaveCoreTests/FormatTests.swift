import Foundation
import Testing

@testable import CityweaveCore

@Suite struct GeoNamesCityTests {
    @Test func readsAGeoNamesLine() throws {
        let line =
            "2886242\tKöln\tKoeln\tCGN,Cologne,Keulen,Köln,ケルン\t50.93333\t6.95\tP\tPPLA3\tDE\t\t07\t053\t05315\t05315000\t1024621\t\t60\tEurope/Berlin\t2019-09-05"
        let city = try GeoNamesCity(geoNamesLine: Substring(line))
        #expect(city.geonameid == 2_886_242)
        #expect(city.admin1Code == "07")
        #expect(city.population == 1_024_621)
        // The airport code and the name itself are not alternates worth searching.
        #expect(city.distinctAlternateNames == ["Cologne", "Keulen", "ケルン"])
    }

    @Test(arguments: [
        ("1\tX\tX\t\t95\t0\tP\tPPL\tDE\t\t01\t\t\t\t5\t\t\tUTC\t2020", "latitude"),
        ("abc\tX\tX\t\t5\t0\tP\tPPL\tDE\t\t01\t\t\t\t5\t\t\tUTC\t2020", "geonameid"),
        ("1\tX\tX\t\t5\t0\tP\tPPL\tDEU\t\t01\t\t\t\t5\t\t\tUTC\t2020", "country code"),
        ("1\tX\tX", "field count"),
    ])
    func namesTheFieldThatIsWrong(line: String, field: String) {
        #expect(throws: GeoNamesLineError.self) { try GeoNamesCity(geoNamesLine: Substring(line)) }
        do {
            _ = try GeoNamesCity(geoNamesLine: Substring(line))
        } catch {
            #expect(error.field == field)
        }
    }
}

@Suite struct CSVTableTests {
    @Test func keepsLineNumbersAcrossQuotedNewlines() throws {
        let table = try CSVTable(text: "a,b\n1,\"two\nlines\"\n3,4\n")
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(try table.column(" B ") == 1)
    }

    @Test func namesTheLineWithTheWrongFieldCount() {
        #expect(throws: CSVTable.ReadError.wrongFieldCount(line: 3, expected: 2, found: 3)) {
            try CSVTable(text: "a,b\n1,2\n1,2,3\n")
        }
    }

    @Test func namesAMissingColumnAndTheColumnsThereAre() throws {
        let table = try CSVTable(text: "city,country\nLima,Peru\n")
        #expect(throws: CSVTable.ReadError.missingColumn("town", available: ["city", "country"])) {
            try table.column("town")
        }
    }
}

@Suite struct WorldMapTests {
    @Test func theWorldFillsTheCanvas() {
        let west = WorldMap.project(GeoPoint(latitude: 0, longitude: -180))
        let east = WorldMap.project(GeoPoint(latitude: 0, longitude: 180))
        let north = WorldMap.project(GeoPoint(latitude: 90, longitude: 0))
        let centre = WorldMap.project(GeoPoint(latitude: 0, longitude: 0))
        #expect(abs(west.x) < 1e-9)
        #expect(abs(east.x - WorldMap.width) < 1e-9)
        #expect(abs(north.y) < 1e-9)
        #expect(abs(centre.x - WorldMap.width / 2) < 1e-9)
        #expect(abs(centre.y - WorldMap.height / 2) < 0.5)
    }

    @Test func matchesThePublishedAspectOfEqualEarth() {
        // Equal Earth's outline is 2 × 2.706629 wide and 2 × 1.317362 high (Šavrič et al., 2018).
        #expect(WorldMap.height == (WorldMap.width * 1.317362 / 2.706629).rounded())
    }

    @Test func keepsAreasEqual() {
        // A 10° by 10° cell at the equator and one at 60° N differ in area as cos φ does on the sphere.
        func area(_ lat: Double) -> Double {
            let a = WorldMap.project(GeoPoint(latitude: lat, longitude: 0))
            let b = WorldMap.project(GeoPoint(latitude: lat + 1, longitude: 1))
            return abs((b.x - a.x) * (b.y - a.y))
        }
        let sphereRatio = (sin(61 * Double.pi / 180) - sin(60 * Double.pi / 180)) / sin(1 * Double.pi / 180)
        #expect(abs(area(60) / area(0) - sphereRatio) < 0.02)
    }

    @Test func writesPathsWithOneDecimal() {
        let path = WorldMap.path(rings: [
            [.init(latitude: 0, longitude: 0), .init(latitude: 10, longitude: 0), .init(latitude: 10, longitude: 10)]
        ])
        #expect(path.hasPrefix("M480.0,233.6L"))
        #expect(path.hasSuffix("Z"))
    }
}

@Suite struct ImportSummaryTests {
    @Test func countsAndReportsProblemsByLine() {
        var summary = ImportSummary()
        summary.rowsRead = 4
        summary.created = 2
        summary.unmatched(line: 3, "Atlantis: no city of that name")
        summary.skip(line: 5, "coordinates \"91, 0\" are out of range")
        #expect(summary.matchedShare == 0.5)
        #expect(summary.lines().contains("unmatched: 1, skipped: 1"))
        #expect(
            summary.reportCSV
                == "line,kind,reason\n3,unmatched,\"Atlantis: no city of that name\"\n5,skipped,\"coordinates \"\"91, 0\"\" are out of range\"\n"
        )
    }
}

@Suite struct CSVExportTests {
    @Test func cellsAreQuotedWhereNeededAndFormulasAreMadeText() throws {
        let text = try CSVExport.text(
            header: ["a", "b"], rows: [["x, y", "say \"hi\""], ["=HYPERLINK(\"x\")", "-12.5"], ["@sum", "+1"]])
        #expect(
            text == "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"'=HYPERLINK(\"\"x\"\")\",-12.5\r\n'@sum,'+1\r\n")
    }
}
