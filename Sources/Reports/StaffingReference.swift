import Analytics
import ContactCenter
import Statistics

/// The agents an Erlang calculator would ask for in each planning interval: the
/// pooled load of all voice call types (the calls that reach an agent × mean talk and
/// after-call work), the strictest of their service-level targets, Erlang A when every
/// voice call type has exponential patience (with the load-weighted mean patience) and
/// Erlang C otherwise; plus, for contacts of other channels (which can wait hours),
/// their load in Erlangs rounded up. It is a reference line for the report — what a
/// single-skill calculator says — not the multi-skill optimum.
///
/// Calls the IVR serves on its own (``CallType/selfService``: voice calls, in a centre
/// with an IVR) never reach an agent, so they are left out of the offered load.
public enum StaffingReference {
    /// One value per interval (nil where no agent is needed or no target is set), and a
    /// description of how it was computed.
    public static func required(for model: CenterModel) -> (agents: [Int?], method: String)? {
        let voice = model.callTypes.indices.filter { model.callTypes[$0].channel.isVoice }.map { model.callTypes[$0] }
        let others = model.callTypes.filter { !$0.channel.isVoice }
        let openShares = Dictionary(uniqueKeysWithValues: model.callTypes.indices.map {
            (model.callTypes[$0].id, model.openShare(ofCallType: $0))
        })
        func rate(_ type: CallType, _ i: Int) -> Double {
            agentArrivalRate(of: type, interval: i, in: model) * (openShares[type.id]?[i] ?? 1)
        }
        let targets = voice.compactMap { t in t.serviceLevel.target.map { ($0, t.serviceLevel.seconds) } }
        guard let goal = targets.map(\.0).max(), let seconds = targets.map(\.1).min() else { return nil }
        // Erlang A where every voice type's patience is exponential in every interval.
        let useErlangA = voice.allSatisfy { t in t.patience?.laws.allSatisfy(\.isExponential) ?? false }
        var agents: [Int?] = []
        for i in 0..<model.timing.intervalCount {
            let rates = voice.map { rate($0, i) }
            let loads = zip(voice, rates).map { $1 * $0.meanHandleTime(inInterval: i) }
            let perHour = rates.reduce(0, +) * Timing.secondsPerHour
            let load = loads.reduce(0, +)
            let otherLoad = others.reduce(0) { $0 + rate($1, i) * $1.meanHandleTime(inInterval: i) }
            guard perHour > 0, load > 0 else { agents.append(otherLoad > 0 ? Int(otherLoad.rounded(.up)) : nil); continue }
            let aht = load / (perHour / Timing.secondsPerHour)
            let patience = useErlangA ? zip(voice, loads).reduce(0) { $0 + $1.0.patience!.mean(inInterval: i) * $1.1 } / load : 0
            let queue: StaffingModel = useErlangA ? .erlangA(patience: patience) : .erlangC
            agents.append((try? Erlang.minimumAgents(model: queue, perHour: perHour, aht: aht,
                                                     slSeconds: seconds, targetServiceLevel: goal))
                .map { $0 + Int(otherLoad.rounded(.up)) })
        }
        let method = "Erlang \(useErlangA ? "A" : "C") for the pooled load of all call types, "
            + "target \(Int((goal * 100).rounded()))% within \(NumberFormat.decimal(seconds)) s"
            + (others.isEmpty ? "" : ", plus the load of other channels")
        return (agents, method)
    }

    /// The rate (per second) at which a call type's contacts ask for an agent in interval
    /// `i`: its arrivals less those the IVR serves on its own, which only voice calls of
    /// a centre with an IVR pass through.
    static func agentArrivalRate(of type: CallType, interval i: Int, in model: CenterModel) -> Double {
        let passesIVR = model.ivr != nil && type.channel.isVoice
        let selfServed = passesIVR ? (type.selfService?.fraction ?? 0) : 0
        return type.arrivalRates[i] * (1 - selfServed)
    }
}
