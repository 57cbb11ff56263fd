import Experiments
import XCTest

/// The one table of KPI units agrees with the KPIs' names and with summary.json's
/// values: shares are fractions from 0 to 1.
final class KPIUnitTests: XCTestCase {
    func testSharesAreTheFractionsRatesServiceLevelsAndOccupancies() {
        for kpi in KPI.allCases {
            let name = kpi.rawValue
            let named = name.hasSuffix("_fraction") || name.hasSuffix("_rate") || name.hasPrefix("service_level")
                || name.contains("occupancy") || name == "p_wait"
            XCTAssertEqual(kpi.isShare, named, name)
            XCTAssertEqual(kpi.unit.displayScale, kpi.isShare ? 100 : 1, name)
        }
        XCTAssertEqual(KPI.asa.unit, .seconds)
        XCTAssertEqual(KPI.waitP90.unit.symbol, "s")
        XCTAssertEqual(KPI.seatLostAgentMinutes.unit, .agentMinutes)
    }
}
