import ContactCenter
import Statistics

extension HistoryGenerator {
    /// The history as CSV: the header ``csvHeader``, then one row per interval and call
    /// type, by start then call type: `start` (`YYYY-MM-DDTHH:MM`), `call_type`,
    /// `offered`, `answered`, `abandoned` (whole numbers, answered + abandoned ≤
    /// offered), `aht` and `acw` (seconds, one decimal; empty when nothing was
    /// answered). Missing rows are absent, and so are the rows outside the opening hours
    /// and those without a call when the settings say so. Written byte by byte into one buffer: two
    /// years of half-hours for 10 call types (350,000 rows) take a fraction of a second.
    public func csv() -> String {
        var text = CSVText(capacity: (settings.fullRowCount + 1) * 44)
        text.append(Array((Self.csvHeader + "\n").utf8))
        let perDay = settings.intervalsPerDay
        let offset = settings.utcOffset ?? ""
        let clock = (0..<perDay).map { Array("T\(LocalDateTime(minutes: $0 * settings.intervalMinutes).description.suffix(5))\(offset),".utf8) }
        let open = settings.open ?? 0..<1440
        let ids = profiles.map { Array(($0.id + ",").utf8) }
        let counts = profiles.map { Self.stream(seed: settings.seed, $0.id, .counts) }
        let gapStreams = profiles.map { Self.stream(seed: settings.seed, $0.id, .gaps) }
        var gaps = gapStreams.map { MissingRuns(share: settings.missingShare, generator: $0.generator) }
        for day in 0..<settings.days {
            let date = settings.start.adding(days: day)
            let dateText = Array(date.description.utf8)
            let shape = DayShape(date).rawValue
            let calls = profiles.indices.map { expected(callType: $0, day: day) * dayFactors[day] }
            let storm = storm(onDay: day)
            for interval in 0..<perDay {
                for k in profiles.indices {
                    let profile = profiles[k]
                    let mean = calls[k] * profile.intradayShares[shape][interval]
                        * stormFactor(storm, stormGroup: profile.stormGroup, interval: interval)
                    let row = IntervalRow(mean: mean, profile: profile, generator: counts[k].generator)
                    guard !gaps[k].nextIsMissing(gapStreams[k].generator), open.contains(interval * settings.intervalMinutes),
                          !(settings.omitsZeroRows && row.offered == 0) else { continue }
                    text.append(dateText)
                    text.append(clock[interval])
                    text.append(ids[k])
                    row.write(to: &text)
                }
            }
        }
        withExtendedLifetime((counts, gapStreams)) {}
        return text.string
    }

    /// What a storm multiplies the calls of an interval by: its factor over the part of
    /// the interval it covers, for the call types of its group.
    func stormFactor(_ storm: Storm?, stormGroup: Int, interval: Int) -> Double {
        guard let storm, storm.stormGroup == stormGroup else { return 1 }
        let start = interval * settings.intervalMinutes, end = start + settings.intervalMinutes
        let covered = min(end, storm.startMinute + Storm.duration) - max(start, storm.startMinute)
        guard covered > 0 else { return 1 }
        return 1 + (storm.factor - 1) * Double(covered) / Double(settings.intervalMinutes)
    }
}

/// One interval's figures for one call type.
struct IntervalRow {
    let offered: Int
    let abandoned: Int
    /// The mean handle time and after-call work of the answered calls; `nil` when none was answered.
    let handling: (aht: Double, acw: Double)?

    /// Poisson calls of mean `mean`, abandoned as the call type's share at that load,
    /// handle times about the call type's means.
    init(mean: Double, profile: HistoryGenerator.CallTypeProfile, generator: RandomGenerator) {
        offered = generator.poisson(mean: mean)
        abandoned = generator.binomial(trials: offered, probability: profile.abandonProbability(calls: mean))
        let answered = offered - abandoned
        guard answered > 0 else {
            handling = nil
            return
        }
        let spread = 1 / Double(answered).squareRoot()
        handling = (Distribution.gamma(mean: profile.handleTime, cv: 0.9 * spread).sample(using: generator),
                    Distribution.gamma(mean: profile.afterCallWork, cv: 0.6 * spread).sample(using: generator))
    }

    /// `offered,answered,abandoned,aht,acw` and the end of the line.
    func write(to text: inout CSVText) {
        text.append(offered)
        text.append(UInt8(ascii: ","))
        text.append(offered - abandoned)
        text.append(UInt8(ascii: ","))
        text.append(abandoned)
        text.append(UInt8(ascii: ","))
        if let handling {
            text.appendTenths(handling.aht)
            text.append(UInt8(ascii: ","))
            text.appendTenths(handling.acw)
        } else {
            text.append(UInt8(ascii: ","))
        }
        text.append(UInt8(ascii: "\n"))
    }
}

/// Which rows of one call type are missing: runs of 1–6 intervals (uniform) between
/// stretches of rows present, of exponential length, rounded, so that on average a
/// share `share` of the rows is missing.
struct MissingRuns {
    /// The mean number of rows present between two runs.
    let meanPresent: Double
    /// Rows left before the next missing run.
    var present: Int
    /// Rows left in the current missing run.
    var missing = 0

    init(share: Double, generator: RandomGenerator) {
        meanPresent = share > 0 ? HistoryGenerator.meanMissingRun * (1 - share) / share : .infinity
        present = 0
        present = drawPresent(generator)
    }

    /// Whether the next row is missing.
    mutating func nextIsMissing(_ generator: RandomGenerator) -> Bool {
        if missing > 0 {
            missing -= 1
            return true
        }
        if present > 0 {
            present -= 1
            return false
        }
        missing = min(Int(generator.uniformPositive() * 6), 5)
        present = drawPresent(generator)
        return true
    }

    private func drawPresent(_ generator: RandomGenerator) -> Int {
        guard meanPresent.isFinite else { return .max }
        return Int(min((generator.unitExponential() * meanPresent).rounded(), Double(Int.max / 2)))
    }
}

/// UTF-8 text built in one growing buffer.
struct CSVText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(_ more: [UInt8]) { bytes.append(contentsOf: more) }

    /// A non-negative whole number in decimal.
    mutating func append(_ value: Int) {
        let first = bytes.count
        var rest = value
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        var low = first, high = bytes.count - 1
        while low < high {
            bytes.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    /// A non-negative number with one decimal (`245.3`).
    mutating func appendTenths(_ value: Double) {
        let tenths = Int((value * 10).rounded())
        append(tenths / 10)
        append(UInt8(ascii: "."))
        append(UInt8(ascii: "0") + UInt8(tenths % 10))
    }
}
