import ArgumentParser

/// The `ccsim` command: simulate contact-centre scenarios and compute Erlang baselines.
@main
struct CCSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccsim",
        abstract: "Discrete-event simulation for contact-centre planning.",
        version: "0.1.0",
        subcommands: [RunCommand.self, CompareCommand.self, SweepCommand.self, CapacityCommand.self, StaffCommand.self, RosterCommand.self, ValidateCommand.self, ErlangCommand.self, BenchCommand.self])
}
