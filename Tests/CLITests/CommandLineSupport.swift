import Foundation
import XCTest

/// Runs the built `ccsim` executable as a user does, and captures what it prints.
struct CCSimProcess {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String

        /// Standard output parsed as a JSON object.
        func json(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try XCTUnwrap(object as? [String: Any], "not a JSON object: \(stdout.prefix(200))", file: file, line: line)
        }
    }

    /// The package's root folder (for `Scenarios/`).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `ccsim` executable next to the test bundle (the test target depends on it).
    static var executable: URL {
        let folder = Bundle.main.bundleURL.pathExtension == "xctest"
            ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
        for candidate in [folder, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("ccsim")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return folder.appendingPathComponent("ccsim")
    }

    /// Runs `ccsim arguments…` in the package's root folder, or in `directory`.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A small scenario (one call type, one group, four hours) with a variant, written
    /// into `folder`; `extra` is appended to the file.
    static func smallScenario(in folder: URL, extra: String = "") throws -> String {
        let text = """
            name: CLI test centre
            seed: 3
            replications: 4
            horizon: 4h
            interval: 1h
            trunks: 60
            seats: 40
            ivr: {ports: 30, announcement: 5s}
            call_types:
              - id: general
                arrivals: {per_hour: 300}
                handle_time: {distribution: exponential, mean: 180}
                patience: {distribution: exponential, mean: 120}
                service_level: {seconds: 20, target: 0.8}
            agent_groups:
              - id: team
                skills: [general]
                agents: 17
            variants:
              busier:
                call_types.general.arrivals.factor: 1.2

            """ + extra
        let url = folder.appendingPathComponent("small.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

/// A test of the command line with a fresh temporary folder holding a small scenario.
class CLITestCase: XCTestCase {
    var folder: URL!
    var scenario: String!

    override func setUpWithError() throws {
        folder = try CCSimProcess.temporaryFolder()
        scenario = try CCSimProcess.smallScenario(in: folder)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes the header and the rows `keep` keeps of the CSV at `path` into the test's
    /// folder as `name` (a history cut at a date, a morning's export), and returns its path.
    func csvRows(of path: String, into name: String, keep: (Substring) -> Bool) throws -> String {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let target = folder.appendingPathComponent(name).path
        try (([lines[0]] + lines.dropFirst().filter(keep)).joined(separator: "\n") + "\n").write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }
}
