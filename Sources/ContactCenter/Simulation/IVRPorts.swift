import Engine
import Statistics

// The IVR: a call takes a port for the announcement and the menu, and keeps it in
// self-service; when every port is busy it waits for one or is lost.

/// The IVR's ports: how many are busy and the calls waiting for one (first come first
/// served), with what the simulation needs of the IVR as plain values.
struct IVRPorts {
    /// Whether calls pass an IVR (else they go straight to the queue).
    let isPresent: Bool
    let ports: Int
    /// Whether a call that finds every port busy waits for one (else it is lost).
    let waitsWhenFull: Bool
    let announcement: Double
    let menu: Sampler?
    private(set) var busy = 0
    /// Calls waiting for a port.
    var waiting: IndexRing

    init(ivr: IVR?, menu: Sampler?, arena: SlotArena) {
        isPresent = ivr != nil
        ports = ivr?.ports ?? 0
        waitsWhenFull = ivr?.whenFull == .wait
        announcement = ivr?.announcement ?? 0
        self.menu = menu
        waiting = IndexRing(arena, capacity: 64)
    }

    /// Whether a port is free.
    var hasFreePort: Bool { busy < ports }

    mutating func change(by delta: Int) { busy += delta }

    func checkInvariants(callsOnPorts: Int, callsWaiting: Int) {
        precondition(busy >= 0 && busy <= ports, "IVR: \(busy) ports busy of \(ports)")
        precondition(busy == callsOnPorts, "IVR: \(busy) ports busy but \(callsOnPorts) calls on a port")
        precondition(waiting.count == callsWaiting, "IVR: \(waiting.count) queued for a port, \(callsWaiting) calls waiting")
        precondition(waiting.isEmpty || busy == ports, "IVR: calls wait for a port while one is free")
    }
}

extension CenterSimulation {
    /// Draws the call's time in the IVR (announcement and menu) and whether, and for
    /// how long, it ends in self-service, from the call type's own IVR stream.
    /// (Mutating, like every helper of the event loop: a non-mutating method called from
    /// a mutating one may be handed a copy of the whole simulation.)
    mutating func drawIVRPath(call: Int, callType k: Int) {
        let generator = callTypes.ivrGenerators[k]
        calls[call].menu = ivrPorts.announcement + (ivrPorts.menu?.sample(using: generator) ?? 0)
        guard let selfService = callTypes.laws[k].selfService else { return }
        let served = generator.uniformPositive() < selfService.fraction
        let duration = selfService.duration.sample(using: generator)
        calls[call].selfService = served ? duration : -1
    }

    /// The call takes a free port, waits for one, or is lost if the IVR blocks.
    mutating func enterIVR(call: Int) {
        if ivrPorts.hasFreePort {
            seizePort(call: call)
        } else if ivrPorts.waitsWhenFull {
            calls[call].state = .waitingForPort
            ivrPorts.waiting.append(call, arena)
        } else {
            statistics.recordIVRBlocked(calls[call])
            changeBusyLines(by: -1)
            lose(call: call)
            release(call: call)
        }
    }

    private mutating func seizePort(call: Int) {
        let now = clock.now
        ivrPorts.change(by: 1)
        statistics.changeBusyPorts(by: 1, at: now)
        calls[call].state = .inIVR
        calls[call].responseBase = now - calls[call].arrival + ivrPorts.announcement
        statistics.recordIVREntry(calls[call], at: now)
        _ = schedule(.endOfMenu, at: now + calls[call].menu, index: call)
    }

    private mutating func freePort() {
        ivrPorts.change(by: -1)
        statistics.changeBusyPorts(by: -1, at: clock.now)
        if !ivrPorts.waiting.isEmpty { seizePort(call: ivrPorts.waiting.removeFirst()) }
    }

    /// After the menu, a call either goes on in self-service (keeping its port) or
    /// frees the port and asks for an agent.
    mutating func endMenu(call: Int) {
        let duration = calls[call].selfService
        if duration >= 0 {
            calls[call].state = .selfService
            _ = schedule(.endOfSelfService, at: clock.now + duration, index: call)
        } else {
            freePort()
            offerToAgents(call: call)
        }
    }

    /// Self-service ends: the call leaves the centre, freeing its port and its line.
    mutating func endSelfService(call: Int) {
        statistics.recordSelfServed(calls[call])
        freePort()
        changeBusyLines(by: -1)
        release(call: call)
    }
}
