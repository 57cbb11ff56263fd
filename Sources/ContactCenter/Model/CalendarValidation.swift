extension CenterModel {
    /// Day types name weekdays and dates only with a start date, each day has a type,
    /// and every opening hours and law by interval is well formed.
    func validateCalendar() throws {
        try checkUniqueIds(dayTypes.map(\.id), at: ["day_types"])
        guard dayTypes.count <= ModelLimits.dayTypes else {
            throw ModelError("at most \(ModelLimits.dayTypes) day types, got \(dayTypes.count)", at: ["day_types"])
        }
        for (j, type) in dayTypes.enumerated() {
            let here: ModelPath = ["day_types", .index(j)]
            if timing.startDate == nil {
                if !type.weekdays.isEmpty { throw ModelError("weekdays need a `start_date`", at: here.appending("weekdays")) }
                if !type.dates.isEmpty { throw ModelError("dates need a `start_date`", at: here.appending("dates")) }
            }
            if let d = type.days.first(where: { $0 < 1 }) {
                throw ModelError("day numbers start at 1, got \(d)", at: here.appending("days"))
            }
            try type.openingHours.map { try check($0, at: here.appending("open")) }
        }
        if let second = dayTypes.indices.filter({ dayTypes[$0].isDefault }).dropFirst().first {
            throw ModelError("only one day type may be the default (name no weekdays, dates or days)",
                             at: ["day_types", .index(second)])
        }
        if !dayTypes.isEmpty, let day = (0..<timing.clockDayCount).first(where: { dayType(ofDay: $0) == nil }) {
            let name = timing.date(ofDay: day).map { "\($0) (\($0.weekday.abbreviation))" } ?? "day \(day + 1)"
            throw ModelError("\(name) has no day type: list it in a type's weekdays, dates or days, "
                + "or add a default type (one naming none of them)", at: ["day_types"])
        }
        try openingHours.map { try check($0, at: ["open"]) }
    }

    /// A call type's opening hours, and its laws (by interval or not, their parameters).
    func validateCalendar(ofCallType k: Int) throws {
        let type = callTypes[k]
        let here: ModelPath = ["call_types", .index(k)]
        try type.openingHours.map { try check($0, at: here.appending("open")) }
        for (j, hours) in type.openingHoursByDayType {
            guard dayTypes.indices.contains(j) else { throw ModelError("names no day type", at: here.appending("open")) }
            try check(hours, at: here.appending("open", .key(dayTypes[j].id)))
        }
        let laws: [(IntervalLaws?, ModelPath)] = [
            (type.talk, here.appending("handle_time")), (type.afterCallWork, here.appending("after_call_work")),
            (type.patience, here.appending("patience")),
            (type.selfService.map { IntervalLaws($0.duration) }, here.appending("self_service", "time")),
            (type.redial.map { IntervalLaws($0.delay) }, here.appending("redial", "delay")),
        ]
        for (law, path) in laws {
            do {
                try law?.validate(intervals: timing.intervalCount)
            } catch let error as ModelError {
                throw ModelError(error.message, at: path)
            }
        }
    }

    private func check(_ hours: OpeningHours, at path: ModelPath) throws {
        do {
            try hours.validate()
        } catch let error as ModelError {
            throw ModelError(error.message, at: path)
        }
    }
}
