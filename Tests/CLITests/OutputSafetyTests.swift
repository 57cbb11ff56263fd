import Foundation
import XCTest

/// What a run may replace, what it reads, and how it stops: `--force` replaces only
/// ccsim's own outputs, unwritable places are found before the simulation, `-` reads
/// the scenario from standard input, and SIGINT/SIGTERM stop a run at once.
final class OutputSafetyTests: CLITestCase {
    func testForceNeverReplacesAFolderOrFileCcsimDidNotWrite() throws {
        let mine = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try "my notes".write(to: mine.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let folderRun = try CCSimProcess.run(["run", scenario, "--out", mine.path, "--force"])
        XCTAssertEqual(folderRun.status, 73)
        XCTAssertTrue(folderRun.stderr.contains("holds files ccsim did not write (such as notes.txt)"), folderRun.stderr)
        XCTAssertEqual(try String(contentsOf: mine.appendingPathComponent("notes.txt"), encoding: .utf8), "my notes")
        let page = folder.appendingPathComponent("page.html")
        try "<html>mine</html>".write(to: page, atomically: true, encoding: .utf8)
        let fileRun = try CCSimProcess.run(["run", scenario, "--report", page.path, "--force"])
        XCTAssertEqual(fileRun.status, 73)
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), "<html>mine</html>")
    }

    func testForceReplacesCcsimsOwnOutputs() throws {
        let out = folder.appendingPathComponent("out").path, report = folder.appendingPathComponent("report.html").path
        XCTAssertEqual(try CCSimProcess.run(["run", scenario, "--out", out, "--report", report]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/.ccsim-output"), "the folder is marked as ccsim's")
        let again = try CCSimProcess.run(["run", scenario, "--out", out, "--report", report, "--force", "--seed", "9"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertFalse(entries.contains { $0.contains(".tmp-") || $0.contains(".old-") }, "\(entries)")
    }

    func testAnUnwritablePlaceIsFoundBeforeTheSimulation() throws {
        let file = folder.appendingPathComponent("plain")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let start = Date()
        let outcome = try CCSimProcess.run(["run", "Scenarios/mobile-multiskill.yaml", "--replications", "200",
                                            "--out", file.path + "/out"])
        XCTAssertEqual(outcome.status, 73)
        XCTAssertTrue(outcome.stderr.contains("is a file, not a folder"), outcome.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "refused before 200 replications ran")
        XCTAssertEqual(outcome.stdout, "")
    }

    func testADashReadsTheScenarioFromStandardInput() throws {
        let process = Process()
        process.executableURL = CCSimProcess.executable
        process.arguments = ["validate", "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try Data(contentsOf: URL(fileURLWithPath: scenario)))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(text.hasPrefix("-: ok — 1 call types"), text)
    }

    func testSignalsStopARunAtOnceWithTheirStatus() throws {
        for (send, status) in [("INT", Int32(130)), ("TERM", Int32(143))] {
            let process = Process()
            process.executableURL = CCSimProcess.executable
            process.arguments = ["run", "Scenarios/mobile-multiskill.yaml", "--replications", "3000", "--threads", "1",
                                 "--out", folder.appendingPathComponent("signalled").path]
            process.currentDirectoryURL = CCSimProcess.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: 1)
            let start = Date()
            if send == "INT" { process.interrupt() } else { process.terminate() }
            process.waitUntilExit()
            XCTAssertLessThan(Date().timeIntervalSince(start), 2, "stops promptly")
            XCTAssertEqual(process.terminationReason, .exit, send)
            XCTAssertEqual(process.terminationStatus, status, send)
            let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            XCTAssertFalse(entries.contains { $0.contains("signalled") }, "\(entries)")
        }
    }
}
