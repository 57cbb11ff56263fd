import ContactCenter
import Experiments
import Foundation
import PropertyBased
import Reports
import Statistics
import Testing

/// The parameters of a small random centre: up to three call types and three groups,
/// with or without patience, redials, transfers, trunk lines, an IVR with self-service,
/// and staffing that changes from one interval to the next.
struct CentreRecipe: Sendable, CustomStringConvertible {
    var volumes: [Double]        // calls per hour, one per call type
    var agents: [Int]            // per group
    var patient: Bool
    var redials: Bool
    var transfers: Bool
    var trunks: Int?
    var ivrPorts: Int?
    var seed: UInt64

    var description: String {
        "volumes \(volumes), agents \(agents), patient \(patient), redials \(redials), transfers \(transfers), "
            + "trunks \(trunks.map(String.init) ?? "-"), ivr \(ivrPorts.map(String.init) ?? "-"), seed \(seed)"
    }

    /// The centre: two one-hour intervals; group 0 skilled in every call type, group g in
    /// call type g (modulo the types) and type 0; staffing halved in the second hour.
    var model: CenterModel {
        let types = volumes.enumerated().map { k, perHour in
            CallType(id: "type\(k)", arrivalRates: [perHour / 3600, perHour / 3600], handleTime: .exponential(mean: 240),
                     afterCallWork: .constant(10), patience: patient ? .exponential(mean: 90) : nil,
                     serviceLevel: ServiceLevelTarget(seconds: 20),
                     selfService: ivrPorts == nil ? nil : SelfService(fraction: 0.2, duration: .constant(60)),
                     redial: redials ? Redial(probability: 0.5, delay: .exponential(mean: 120), maxAttempts: 3) : nil,
                     transfers: transfers && volumes.count > 1 && k == 0 ? [Transfer(to: 1, fraction: 0.2)] : [])
        }
        let groups = agents.enumerated().map { g, count in
            AgentGroup(id: "group\(g)", skills: g == 0 ? Array(volumes.indices) : Array(Set([0, g % volumes.count])).sorted(),
                       staffing: [count, count / 2])
        }
        return CenterModel(name: "random", timing: Timing(warmup: 0, horizon: 7200, intervalLength: 3600),
                           trunks: trunks, callTypes: types, agentGroups: groups,
                           ivr: ivrPorts.map { IVR(ports: $0, whenFull: .block, announcement: 5, menu: .exponential(mean: 20)) })
    }
}

/// Random centres: every call is accounted for exactly once, no count is negative, and
/// the results are the same whatever the number of threads.
@Suite struct RandomCentreProperties {
    static let recipes = zip(
        Gen.double(in: 10...400).array(of: 1...3),
        Gen.int(in: 0...30).array(of: 1...3),
        Gen.bool, Gen.bool, Gen.bool,
        Gen.int(in: 1...60).optional,
        Gen.int(in: 1...20).optional,
        Gen.uint64(in: 1...1_000_000)
    ).map { volumes, agents, patient, redials, transfers, trunks, ports, seed in
        CentreRecipe(volumes: volumes, agents: agents, patient: patient, redials: redials, transfers: transfers,
                     trunks: trunks, ivrPorts: ports, seed: seed)
    }

    /// `count` centres drawn from a fixed seed, so that the tests are reproducible
    /// (change the seed to explore other centres; a failure names its centre).
    static func centres(_ count: Int, seed: UInt64) -> [CentreRecipe] {
        var generator = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 0x8CB9_2BA7_2F3D_8DD7))
        return (0..<count).map { _ in recipes.run(using: &generator) }
    }

    @Test func callsAreConservedAndCountsNonNegative() {
        for recipe in Self.centres(60, seed: 2026) {
            let model = recipe.model
            let results: [ReplicationResult]?
            do {
                results = try ReplicationRunner.run(model: model, seed: recipe.seed, replications: 2, threads: 1)
            } catch {
                Issue.record("\(recipe): \(error)")
                results = nil
            }
            for result in results ?? [] {
                var generated = 0
                for i in 0..<result.intervalCount {
                    for k in 0..<result.callTypeCount {
                        let c = result.counters(interval: i, callType: k)
                        #expect(c.arrivals == c.blocked + c.ivrBlocked + c.selfServed + c.abandoned + c.answered + c.unserved,
                                "\(recipe) interval \(i) type \(k)")
                        #expect(c.transfersIn == c.transfersAnswered + c.transfersAbandoned + c.transfersUnserved, "\(recipe)")
                        #expect(c.retrials <= c.arrivals && c.answeredWithinThreshold <= c.answered, "\(recipe)")
                        let counts = [c.arrivals, c.answered, c.abandoned, c.blocked, c.ivrBlocked, c.selfServed, c.unserved,
                                      c.transfersIn, c.retrials, c.callersServed, c.callersLost]
                        #expect(counts.allSatisfy { $0 >= 0 }, "\(recipe)")
                        generated += c.arrivals
                    }
                }
                #expect(generated == result.generatedCalls, "\(recipe)")
                #expect(result.groupBusyTime.allSatisfy { $0 >= -1e-6 }, "\(recipe)")
            }
        }
    }

    @Test func resultsAreTheSameForOneAndTwoThreads() {
        for recipe in Self.centres(20, seed: 2027) {
            let model = recipe.model
            func summary(threads: Int) -> Data? {
                guard let results = try? ReplicationRunner.run(model: model, seed: recipe.seed, replications: 4,
                                                               threads: threads) else { return nil }
                return try? SummaryJSON.encode(RunSummary(model: model, seed: recipe.seed, results: results))
            }
            let one = summary(threads: 1)
            #expect(one != nil, "\(recipe)")
            #expect(one == summary(threads: 2), "\(recipe)")
        }
    }
}
