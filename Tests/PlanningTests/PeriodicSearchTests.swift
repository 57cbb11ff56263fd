import Analytics
import ContactCenter
import Experiments
import Planning
import XCTest

/// The staffing search over days that are the same for the calls: one requirement per
/// time of day, found on the days pooled, that holds in an independent run.
final class PeriodicSearchTests: XCTestCase {
    /// Three days in hours, calls 08:00-16:00 (billing 300 an hour, complaints 150), a
    /// specialist team each and generalists with both skills; `busier` scales day 2.
    static func centre(busier: Double = 1) -> CenterModel {
        let hours = 72
        func type(_ id: String, perHour: Double) -> CallType {
            let rates = (0..<hours).map { h in (8..<16).contains(h % 24) ? perHour * (h / 24 == 1 ? busier : 1) / 3600 : 0 }
            return CallType(id: id, arrivalRates: rates, handleTime: .exponential(mean: 240), patience: .exponential(mean: 180),
                            serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8))
        }
        let staffing = Array(repeating: 1, count: hours)
        return CenterModel(name: "three days", timing: Timing(warmup: 0, horizon: Double(hours) * 3600, intervalLength: 3600),
                           callTypes: [type("billing", perHour: 300), type("complaint", perHour: 150)],
                           agentGroups: [AgentGroup(id: "billing", skills: [0], staffing: staffing),
                                         AgentGroup(id: "complaint", skills: [1], staffing: staffing),
                                         AgentGroup(id: "generalists", skills: [0, 1], staffing: staffing)])
    }

    func testSameDaysGetOneRequirementThatHoldsInAnIndependentRun() throws {
        let model = Self.centre()
        let requirement = try RequirementPlanner.requirements(for: model, seed: 5, replications: 6)
        XCTAssertTrue(requirement.log.contains { $0.hasPrefix("72 intervals searched as 24") && $0.contains("2 replications") },
                      requirement.log.joined(separator: "\n"))
        XCTAssertTrue(requirement.feasible)
        XCTAssertEqual(requirement.verification.replications, 6, "the plan found simulated with every replication")
        for g in requirement.agents.indices {
            for i in 0..<24 {
                XCTAssertEqual(requirement.agents[g][i], requirement.agents[g][i + 24], "group \(g), hour \(i)")
                XCTAssertEqual(requirement.agents[g][i], requirement.agents[g][i + 48], "group \(g), hour \(i)")
            }
        }
        // An independent run (another seed, more replications): no interval misses a
        // target with confidence.
        let independent = try ReplicationRunner.summary(model: RequirementPlanner.staffedModel(model, requirement.agents), seed: 99,
                                                        replications: 12)
        XCTAssertEqual(RequirementPlanner.failures(independent, model, rule: .notMissed).map(\.interval), [])
    }

    func testADifferentDayIsSearchedOnItsOwn() throws {
        let requirement = try RequirementPlanner.requirements(for: Self.centre(busier: 1.3), seed: 5, replications: 6)
        XCTAssertTrue(requirement.log.contains { $0.hasPrefix("72 intervals searched as 48") }, requirement.log.joined(separator: "\n"))
        let day2 = requirement.agents.map { $0[(24 + 8)..<(24 + 16)].reduce(0, +) }.reduce(0, +)
        let day1 = requirement.agents.map { $0[8..<16].reduce(0, +) }.reduce(0, +)
        XCTAssertGreaterThan(day2, day1, "30% more calls need more agents")
    }
}
