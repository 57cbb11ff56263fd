import ArgumentParser
import Foundation

/// The `ccsim` command: simulate contact-centre scenarios and compute Erlang baselines.
///
/// Exit status: 0 on success; 1 when a command fails (a scenario or shift file with an
/// error, an output that cannot be written, a study that cannot run), with `error: …` on
/// standard error; 64 for a command line that does not parse (with the usage).
@main
struct CCSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccsim",
        abstract: "Discrete-event simulation for contact-centre planning.",
        version: "0.1.0",
        subcommands: [RunCommand.self, CompareCommand.self, SweepCommand.self, CapacityCommand.self, StaffCommand.self,
                      RosterCommand.self, ValidateCommand.self, ErlangCommand.self, BenchCommand.self])

    /// Parses the command line and runs the command. A command line that does not parse
    /// is reported as ArgumentParser does (status 64, with the usage); an error the
    /// command throws as `error: …` with status 1 (or the ``CommandFailure``'s status).
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let failure as CommandFailure {
            fail(failure.message, status: failure.exitCode)
        } catch {
            // ArgumentParser's own outcomes (help, usage errors, explicit exit codes) as it
            // reports them; any other error is the command's failure.
            if error is ExitCode || exitCode(for: error) != .failure { exit(withError: error) }
            fail("\(error)", status: 1)
        }
    }

    private static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        Foundation.exit(status)
    }
}
