/// A tally of observations: count, mean and variance, updated in constant memory
/// (Welford's algorithm), as SSJ's `Tally`.
public struct Tally: Sendable, Equatable {
    /// Number of observations.
    public private(set) var count: Int = 0
    /// Mean of the observations (0 when empty).
    public private(set) var mean: Double = 0
    private var sumOfSquaredDeviations: Double = 0

    public init() {}

    /// Creates a tally of the given observations.
    public init<S: Sequence>(_ values: S) where S.Element == Double {
        for v in values { add(v) }
    }

    /// Adds one observation.
    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - mean)
    }

    /// Sample variance (n − 1 in the denominator); 0 with fewer than two observations.
    public var variance: Double {
        count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0
    }

    /// Sample standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The Student-t confidence interval of the mean at the given level.
    public func confidenceInterval(level: Double = 0.95) -> ConfidenceInterval {
        ConfidenceInterval(tally: self, level: level)
    }
}

/// A time-weighted average of a piecewise-constant quantity (the number of busy
/// agents, the queue length), as SSJ's `Accumulate`.
public struct TimeWeighted: Sendable, Equatable {
    @usableFromInline var _value: Double
    @usableFromInline var _area: Double = 0
    @usableFromInline var _lastUpdate: Double
    @usableFromInline var _start: Double

    /// The current value.
    @inlinable public var value: Double { _value }
    /// The integral of the value since the last reset.
    @inlinable public var area: Double { _area }
    /// When the integral was last brought up to date.
    @inlinable public var lastUpdate: Double { _lastUpdate }
    /// When the integral was last reset.
    @inlinable public var start: Double { _start }

    /// Creates an accumulator holding `value` from time `start`.
    public init(value: Double = 0, at start: Double = 0) {
        _value = value
        _lastUpdate = start
        _start = start
    }

    /// Sets a new value at time `now` (not earlier than the last update).
    @inlinable
    public mutating func update(_ newValue: Double, at now: Double) {
        advance(to: now)
        _value = newValue
    }

    /// Brings the integral up to `now` without changing the value.
    @inlinable
    public mutating func advance(to now: Double) {
        _area += _value * (now - _lastUpdate)
        _lastUpdate = now
    }

    /// Discards the integral so far (end of a warm-up or of an interval), keeping the value.
    public mutating func reset(at now: Double) {
        _area = 0
        _lastUpdate = now
        _start = now
    }

    /// The time average between the last reset and the last update.
    public var average: Double {
        _lastUpdate > _start ? _area / (_lastUpdate - _start) : _value
    }
}
