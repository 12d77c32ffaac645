import Testing
import Vapor

@testable import CityweaveShared

/// What every form does with what was typed: numbers read one way, and one
/// rule for which refusals show the form again.
extension CityweaveServerTests {
    @Suite struct FormNumberTests {
        @Test func anEmptyFieldIsNoNumberAndSpacesAroundOneAreIgnored() throws {
            #expect(try FormNumber.parse(nil, field: "since", as: Int.self) == nil)
            #expect(try FormNumber.parse("  ", field: "since", as: Int.self) == nil)
            #expect(try FormNumber.parse(" 1987 ", field: "since", as: Int.self) == 1987)
            #expect(try FormNumber.parse("12.5", field: "yearlyBudget", as: Double.self) == 12.5)
        }

        @Test func whatIsNotANumberIsRefusedNamingTheFieldAndWhatWasTyped() {
            #expect(
                message { try FormNumber.parse("lots", field: "quantity", as: Int.self) }
                    == "'quantity' must be a whole number; got 'lots'.")
            #expect(
                message { try FormNumber.parse("12.5", field: "quantity", as: Int.self) }
                    == "'quantity' must be a whole number; got '12.5'.")
            #expect(
                message { try FormNumber.parse("1,5", field: "yearlyBudget", as: Double.self) }
                    == "'yearlyBudget' must be a number; got '1,5'.")
        }

        @Test func aRequiredNumberMayNotBeLeftEmpty() throws {
            #expect(try FormNumber.required("3", field: "quantity", as: Int.self) == 3)
            #expect(
                message { try FormNumber.required(" ", field: "quantity", as: Int.self) }
                    == "'quantity' is required: a whole number.")
        }

        private func message(_ body: () throws -> Any?) -> String? {
            do {
                _ = try body()
                return nil
            } catch let error as BadRequest {
                return error.reason
            } catch {
                return "\(error)"
            }
        }
    }
}

extension CityweaveServerTests {
    @Suite struct FormRefusalTests {
        @Test func onlyRefusalsThePersonCanMendShowTheFormAgain() {
            for status in [HTTPResponseStatus.badRequest, .conflict, .unprocessableEntity] {
                #expect(Abort(status).isMendableInTheForm, "\(status)")
            }
            for status in [
                HTTPResponseStatus.notFound, .forbidden, .unauthorized, .serviceUnavailable, .tooManyRequests,
            ] {
                #expect(!Abort(status).isMendableInTheForm, "\(status)")
            }
            #expect(BadRequest("'since' must be a whole number").isMendableInTheForm)
        }
    }
}
