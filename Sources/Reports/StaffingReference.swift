import Analytics
import ContactCenter
import Statistics

/// The agents an Erlang calculator would ask for in each planning interval: the
/// pooled load of all call types (calls × mean talk and after-call work), the strictest
/// service-level target of the scenario, Erlang A when every call type has exponential
/// patience (with the load-weighted mean patience) and Erlang C otherwise. It is a
/// reference line for the report — what a single-skill calculator says — not the
/// multi-skill optimum.
enum StaffingReference {
    /// One value per interval (nil where no agent is needed or no target is set), and a
    /// description of how it was computed.
    static func required(for model: CenterModel) -> (agents: [Int?], method: String)? {
        let targets = model.callTypes.compactMap { t in t.serviceLevel.target.map { ($0, t.serviceLevel.seconds) } }
        guard let goal = targets.map(\.0).max(), let seconds = targets.map(\.1).min() else { return nil }
        let patiences = model.callTypes.compactMap { t -> Double? in
            guard case .exponential(let mean)? = t.patience else { return nil }
            return mean
        }
        let useErlangA = patiences.count == model.callTypes.count
        var agents: [Int?] = []
        for i in 0..<model.timing.intervalCount {
            let loads = model.callTypes.map { $0.arrivalRates[i] * (($0.handleTime.mean) + ($0.afterCallWork?.mean ?? 0)) }
            let perHour = model.callTypes.reduce(0) { $0 + $1.arrivalRates[i] } * 3600
            let load = loads.reduce(0, +)
            guard perHour > 0, load > 0 else { agents.append(nil); continue }
            let aht = load / (perHour / 3600)
            let patience = zip(patiences, loads).reduce(0) { $0 + $1.0 * $1.1 } / load
            let queue: StaffingModel = useErlangA ? .erlangA(patience: patience) : .erlangC
            agents.append(try? Erlang.minimumAgents(model: queue, perHour: perHour, aht: aht,
                                                    slSeconds: seconds, targetServiceLevel: goal))
        }
        let method = "Erlang \(useErlangA ? "A" : "C") for the pooled load of all call types, "
            + "target \(Int((goal * 100).rounded()))% within \(NumberFormat.decimal(seconds)) s"
        return (agents, method)
    }
}
