import CGSL

/// An error reported by GSL, turned into a Swift error.
///
/// ccsim switches GSL's abort-on-error handler off (``GSL/configure()``) and checks
/// the status codes and results of the GSL functions it calls.
public struct GSLError: Error, CustomStringConvertible, Sendable {
    /// GSL's status code (`GSL_EDOM`, `GSL_ENOMEM`, …).
    public let status: Int32
    /// What ccsim was doing when GSL failed.
    public let context: String

    public init(status: Int32, context: String) {
        self.status = status
        self.context = context
    }

    public var description: String {
        "\(context): GSL error \(status) (\(String(cString: gsl_strerror(status))))"
    }
}

/// Process-wide GSL set-up.
public enum GSL {
    private static let configured: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// Turns GSL's default error handler (which aborts the process) off, once.
    /// Every entry point of the statistics module calls this; calling it again is free.
    public static func configure() {
        _ = configured
    }

    /// Throws a ``GSLError`` unless `status` is `GSL_SUCCESS`.
    public static func check(_ status: Int32, _ context: @autoclosure () -> String) throws {
        if status != Int32(GSL_SUCCESS) { throw GSLError(status: status, context: context()) }
    }
}
