import CGSL

/// Minimisation of a function of a few variables without derivatives: GSL's Nelder–Mead
/// simplex (`nmsimplex2`), as forecasting fits its smoothing parameters.
public enum Minimizer {
    /// Where the search stopped.
    public struct Result: Sendable {
        /// The best point found, and the function's value there.
        public var point: [Double]
        public var value: Double
        public var iterations: Int
        /// Whether the simplex shrank below the tolerance (else the iterations ran out).
        public var converged: Bool
    }

    /// Minimises `f` from `start` with initial steps `step` in every coordinate, until the
    /// simplex's size is below `tolerance` or after `maxIterations`. A value that is not a
    /// finite number counts as the largest double (the search moves away from it).
    public static func nelderMead(start: [Double], step: Double = 0.5, tolerance: Double = 1e-6,
                                  maxIterations: Int = 1000, _ f: @escaping ([Double]) -> Double) -> Result {
        GSL.configure()
        let n = start.count
        precondition(n >= 1, "nothing to minimise")
        final class Objective {
            let f: ([Double]) -> Double
            let n: Int
            init(_ f: @escaping ([Double]) -> Double, n: Int) {
                self.f = f
                self.n = n
            }
        }
        let objective = Unmanaged.passRetained(Objective(f, n: n))
        defer { objective.release() }
        var function = gsl_multimin_function(f: { x, params in
            let objective = Unmanaged<Objective>.fromOpaque(params!).takeUnretainedValue()
            let value = objective.f((0..<objective.n).map { gsl_vector_get(x, $0) })
            return value.isFinite ? value : Double.greatestFiniteMagnitude
        }, n: n, params: objective.toOpaque())
        let x = gsl_vector_alloc(n)!, steps = gsl_vector_alloc(n)!
        defer { gsl_vector_free(x); gsl_vector_free(steps) }
        for i in 0..<n {
            gsl_vector_set(x, i, start[i])
            gsl_vector_set(steps, i, step)
        }
        let minimizer = gsl_multimin_fminimizer_alloc(ccsim_nmsimplex2(), n)!
        defer { gsl_multimin_fminimizer_free(minimizer) }
        gsl_multimin_fminimizer_set(minimizer, &function, x, steps)
        var iterations = 0, converged = false
        while iterations < maxIterations {
            iterations += 1
            guard gsl_multimin_fminimizer_iterate(minimizer) == GSL_SUCCESS else { break }
            if gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimizer), tolerance) == GSL_SUCCESS {
                converged = true
                break
            }
        }
        let best = gsl_multimin_fminimizer_x(minimizer)!
        return Result(point: (0..<n).map { gsl_vector_get(best, $0) }, value: gsl_multimin_fminimizer_minimum(minimizer),
                      iterations: iterations, converged: converged)
    }
}

/// The standard normal distribution's quantiles.
public enum StandardNormal {
    /// The value below which a share `p` (0 < p < 1) of the distribution lies.
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a probability strictly between 0 and 1")
        GSL.configure()
        return gsl_cdf_ugaussian_Pinv(p)
    }
}
