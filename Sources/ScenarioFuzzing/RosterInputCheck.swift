import ContactCenter
import Foundation
import Scenario

extension ScenarioInputCheck {
    /// The week the roster inputs are read against: two groups, a template and two contracts.
    static let rosterScenario = """
        start_date: 2027-03-01
        horizon: 7d
        interval: 1h
        call_types:
          - {id: sales, arrivals: {per_hour: 10}, handle_time: {distribution: exponential, mean: 60}}
        agent_groups:
          - {id: agents, skills: [sales], agents: 3}
          - {id: backup, skills: [sales], agents: 1}
        """
    static let rosterShifts = """
        templates:
          - {id: early, starts: ["08:00"], length: 8h, cost: 8, groups: [agents, backup]}
        contracts:
          - {id: full, templates: [early], days_per_week: 5, days_off_together: 2, min_rest: 11h}
          - {id: part, templates: [early], groups: [agents], days_per_week: [2, 3], max: 4}
        """

    /// Reads a shift-template file, or an agents' CSV against ``rosterShifts`` (each
    /// through a temporary file, as the loaders read paths).
    static func checkRosterInput(_ text: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func file(_ name: String, _ contents: String) -> String {
            let url = folder.appendingPathComponent(name)
            try? Data(contents.utf8).write(to: url)
            return url.path
        }
        do {
            let model = try ScenarioLoader.parse(yaml: rosterScenario, fileName: "week.yaml").model
            let isShifts = text.hasPrefix("templates:")
            let plan = try ShiftTemplatesLoader.loadPlan(path: file("shifts.yaml", isShifts ? text : rosterShifts), model: model)
            guard !isShifts else { return "\(plan.templates.count) templates, \(plan.contracts.count) contracts" }
            let agents = try AgentsCSVLoader.load(path: file("agents.csv", text), model: model, templates: plan.templates,
                                                  contracts: plan.contracts)
            return "\(agents.count) agents"
        } catch {
            return "refused: \(error)"
        }
    }
}
