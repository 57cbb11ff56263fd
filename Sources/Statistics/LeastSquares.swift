import CGSL

/// Linear least squares by GSL (`gsl_multifit_linear`, by singular value decomposition).
public enum LeastSquares {
    /// The coefficients β that minimise Σ (y − Xβ)² and that sum, for `x` given row by
    /// row; `nil` unless there are more rows than columns, every row is as long as the
    /// first and `y` has one value per row, or when GSL fails.
    public static func fit(_ x: [[Double]], _ y: [Double]) -> (coefficients: [Double], residualSumOfSquares: Double)? {
        let n = x.count, p = x.first?.count ?? 0
        guard p > 0, n > p, y.count == n, x.allSatisfy({ $0.count == p }) else { return nil }
        GSL.configure()
        guard let matrix = gsl_matrix_alloc(n, p) else { return nil }
        defer { gsl_matrix_free(matrix) }
        guard let values = gsl_vector_alloc(n) else { return nil }
        defer { gsl_vector_free(values) }
        guard let coefficients = gsl_vector_alloc(p) else { return nil }
        defer { gsl_vector_free(coefficients) }
        guard let covariance = gsl_matrix_alloc(p, p) else { return nil }
        defer { gsl_matrix_free(covariance) }
        guard let work = gsl_multifit_linear_alloc(n, p) else { return nil }
        defer { gsl_multifit_linear_free(work) }
        for i in 0..<n {
            for j in 0..<p { gsl_matrix_set(matrix, i, j, x[i][j]) }
            gsl_vector_set(values, i, y[i])
        }
        var sum = 0.0
        guard gsl_multifit_linear(matrix, values, coefficients, covariance, &sum, work) == GSL_SUCCESS else { return nil }
        return ((0..<p).map { gsl_vector_get(coefficients, $0) }, sum)
    }
}
