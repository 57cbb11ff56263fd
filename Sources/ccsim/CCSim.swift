import Analytics
import ArgumentParser
import ContactCenter
import Experiments
import Foundation
import Planning
import Reports
import Scenario

/// The `ccsim` command: simulate contact-centre scenarios and compute Erlang baselines.
///
/// Exit statuses (``ExitStatus``): 0 success; 1 a study that cannot be run; 2 a target
/// not reached; 64 a command line that does not parse (with the usage); 65 a scenario,
/// shift-template, `--set`, history, calendar or part error; 70 an internal error; 73 an output that cannot be
/// written; 130 and 143 interrupted by SIGINT or SIGTERM.
@main
struct CCSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccsim",
        abstract: "Discrete-event simulation for contact-centre planning.",
        discussion: """
            Exit status: 0 success; 1 a study that cannot be run; 2 a target not reached (capacity: no amount \
            meets the targets; roster: the templates cannot cover the requirements — the best roster is still written, short); 64 usage error; 65 scenario, \
            shift-template, --set, history, calendar or part error; 70 internal error; 73 an output cannot be written or replaced; \
            130/143 interrupted (SIGINT/SIGTERM).
            """,
        version: "0.1.0",
        subcommands: [RunCommand.self, MergeCommand.self, CompareCommand.self, SweepCommand.self, CapacityCommand.self, StaffCommand.self,
                      RosterCommand.self, ForecastCommand.self, IntradayCommand.self, AccuracyCommand.self, HistoryCommand.self, ValidateCommand.self, ErlangCommand.self,
                      BenchCommand.self])

    /// Parses the command line and runs the command. A command line that does not parse
    /// is reported as ArgumentParser does (status 64, with the usage); an error the
    /// command throws as `error: …` with its ``ExitStatus``.
    static func main() {
        Interruption.install()
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            // ArgumentParser's own outcomes (help, usage errors, explicit exit codes) as it
            // reports them; any other error is the command's failure.
            if error is ExitCode || exitCode(for: error) != .failure { exit(withError: error) }
            let message = (error as? CommandFailure)?.message ?? "\(error)"
            FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
            Foundation.exit(ExitStatus(for: error).rawValue)
        }
    }
}

/// The exit statuses of `ccsim`, documented in the help and the docs.
enum ExitStatus: Int32 {
    case success = 0
    case cannotRun = 1
    case targetNotReached = 2
    case usage = 64
    case input = 65
    case internalError = 70
    case output = 73
    case interrupted = 130
    case terminated = 143

    /// The status for an error a command threw.
    init(for error: Error) {
        switch error {
        case let failure as CommandFailure: self = failure.status
        case is ScenarioError, is ModelError, is MergeError, is BacklogError: self = .input
        case is OutputError: self = .output
        case let planning as PlanningError: self = planning.isInfeasible ? .targetNotReached : .cannotRun
        case AnalyticsError.targetUnreachable: self = .targetNotReached
        case is AnalyticsError, is RunError: self = .cannotRun
        default: self = .internalError
        }
    }
}

/// SIGINT and SIGTERM stop a run at once: the temporary output folders are removed and
/// the process exits with 130 or 143 (the signal handlers run on a queue of their own).
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for (signalNumber, status) in [(SIGINT, ExitStatus.interrupted), (SIGTERM, ExitStatus.terminated)] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                TemporaryOutputs.removeAll()
                FileHandle.standardError.write(Data("\ninterrupted\n".utf8))
                Foundation.exit(status.rawValue)
            }
            source.resume()
            sources.append(source)
        }
    }
}
