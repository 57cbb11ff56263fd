import Engine

// The IVR: a call takes a port for the announcement and the menu, and keeps it in
// self-service; when every port is busy it waits for one or is lost.

/// The IVR's ports: how many are busy and the calls waiting for one (first come first
/// served).
struct IVRPorts {
    /// The IVR, or `nil` when calls go straight to the queue.
    let ivr: IVR?
    private(set) var busy = 0
    /// Calls waiting for a port.
    var waiting: IndexRing

    init(ivr: IVR?, arena: SlotArena) {
        self.ivr = ivr
        waiting = IndexRing(arena, capacity: 64)
    }

    var isPresent: Bool { ivr != nil }

    /// Whether a port is free.
    var hasFreePort: Bool { busy < (ivr?.ports ?? 0) }

    mutating func change(by delta: Int) { busy += delta }

    func checkInvariants(callsOnPorts: Int, callsWaiting: Int) {
        let ports = ivr?.ports ?? 0
        precondition(busy >= 0 && busy <= ports, "IVR: \(busy) ports busy of \(ports)")
        precondition(busy == callsOnPorts, "IVR: \(busy) ports busy but \(callsOnPorts) calls on a port")
        precondition(waiting.count == callsWaiting, "IVR: \(waiting.count) queued for a port, \(callsWaiting) calls waiting")
        precondition(waiting.isEmpty || busy == ports, "IVR: calls wait for a port while one is free")
    }
}

extension CenterSimulation {
    /// Draws the call's time in the IVR (announcement and menu) and whether, and for
    /// how long, it ends in self-service, from the call type's own IVR stream.
    func drawIVRPath(of record: inout CallRecord, callType k: Int) {
        guard let ivr = ivrPorts.ivr else { return }
        let generator = ivrGenerators[k]
        record.menu = ivr.announcement + (ivr.menu?.sample(using: generator) ?? 0)
        guard let selfService = selfService[k] else { return }
        let served = generator.uniformPositive() < selfService.fraction
        let duration = selfService.duration.sample(using: generator)
        record.selfService = served ? duration : -1
    }

    /// The call takes a free port, waits for one, or is lost if the IVR blocks.
    mutating func enterIVR(call: Int) {
        guard let ivr = ivrPorts.ivr else { return }
        if ivrPorts.hasFreePort {
            seizePort(call: call)
        } else if ivr.whenFull == .wait {
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
        calls[call].responseBase = now - calls[call].arrival + (ivrPorts.ivr?.announcement ?? 0)
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
