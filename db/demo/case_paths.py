"""One case's way through the workflow: stage columns, deadlines and timeline rows.

Each step writes what console.services.workflow would write for it (same action names,
roles, column changes and event data), so a demo case looks like one worked through the
console. Stage columns describe the latest pass through a stage (a re-dispatch after a
return or an escalation overwrites dispatched_at); the timeline keeps every pass.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from db.demo.case_builder import (
    CALLBACK_RESULTS,
    DESK_HOURS,
    INSPECTOR_HOURS,
    P_LATE,
    P_REWORK,
    UNIT_HOURS,
    CaseBuilderBase,
    Stop,
    iso,
    minutes,
)
from db.demo.case_context import SYSTEM
from db.demo.clock import next_staffed
from db.demo.people import Person

__all__ = ["CaseBuilder", "Stop", "iso", "minutes"]


class CaseBuilder(CaseBuilderBase):
    """The stages, in workflow order; each ends with reached() once its columns are set."""

    def report(self, reporter: Person) -> dt.datetime:
        row = self.row
        t = row["reported_at"]
        if row["self_handled"]:  # found and fixed on the spot, reported when done
            row["open_due_at"] = self.due("open", t)
            row["handle_due_at"] = self.due("handle", t)
            done = self.step(
                t + minutes(self.rng.uniform(5, 40)),
                "report",
                "closed",
                reporter,
                "inspector",
                "现场自行处置完毕",
                self.report_data(True),
            )
            row["opened_at"] = row["handled_at"] = row["closed_at"] = done
            return done
        if row["source"] == "inspector":
            self.step(t, "report", "to_open", reporter, "inspector", "", self.report_data(False))
            row["open_due_at"] = self.due("open", t)
            self.reached()
            return t
        self.step(t, "report", "to_verify", reporter, "intake", "", self.report_data(False))
        self.reached()
        t = self.staffed(t + minutes(self.rng.uniform(10, 90)), INSPECTOR_HOURS)
        t = self.step(
            t,
            "verify",
            "to_open",
            row["_worker"],
            "inspector",
            "现场核实，问题属实",
            {"exists": True},
        )
        row["verified_at"] = t
        row["open_due_at"] = self.due("open", t)
        self.reached()
        return t

    def open(self, entered: dt.datetime) -> dt.datetime:
        start = next_staffed(entered, *DESK_HOURS)
        t = self.step(
            start + self.delay((1, 13), (16, 60), 0.04),
            "open",
            "opened",
            self.desk(start)[0],
            "shift_leader",
        )
        self.row["opened_at"] = t
        self.row["dispatch_due_at"] = self.due("dispatch", t)
        self.reached()
        return t

    def not_open(self, entered: dt.datetime, note: str) -> None:
        start = next_staffed(entered, *DESK_HOURS)
        self.step(
            start + minutes(self.rng.uniform(2, 14)),
            "not_open",
            "not_opened",
            self.desk(start)[0],
            "shift_leader",
            note,
        )

    def dispatch(self, ready: dt.datetime, unit: tuple[int, str]) -> dt.datetime:
        row = self.row
        start = next_staffed(ready, *DESK_HOURS)
        data = {
            "unit_id": unit[0],
            "unit": unit[1],
            "assisting_unit_ids": [],
            "redispatch": row["return_count"] > 0,
        }
        t = self.step(
            start + self.delay((1, 12), (16, 45), 0.04),
            "dispatch",
            "dispatched",
            self.desk(start)[1],
            "dispatcher",
            f"派遣至{unit[1]}",
            data,
        )
        row["dispatched_at"] = t
        row["unit_id"] = unit[0]
        row["handle_due_at"] = self.due("handle", t)
        self.unit = unit
        self.reached()
        return t

    def accept(self, dispatched: dt.datetime) -> dt.datetime:
        t = dispatched + minutes(self.rng.uniform(2, 40))
        if not self.spec.urgent:  # urgent matters reach the unit's on-call staff at once
            t = self.staffed(t, UNIT_HOURS)
        t = self.step(t, "accept", "in_handling", self.unit_person(self.unit), "unit", "已签收")
        self.reached()
        return t

    def decide(
        self, action: str, to_state: str, note: str, data: dict[str, Any] | None = None
    ) -> dt.datetime:
        """The shift leader's answer to a pending request, within the hour or so."""
        t = self.staffed(self.last + minutes(self.rng.uniform(5, 60)), DESK_HOURS)
        t = self.step(t, action, to_state, self.desk(t)[0], "shift_leader", note, data)
        self.row["pending_request"] = None
        return t

    def request(
        self, moment: dt.datetime, kind: str, note: str, data: dict[str, Any] | None = None
    ) -> None:
        self.step(
            moment,
            f"request_{kind}",
            self.state or "",
            self.unit_person(self.unit),
            "unit",
            note,
            data,
        )
        self.row["pending_request"] = kind

    def send_back(self, accepted: dt.datetime) -> dt.datetime:
        """改派: the unit says the case is not theirs; the shift leader sends it back."""
        row = self.row
        self.request(
            accepted + minutes(self.rng.uniform(10, 120)), "return", "不属于本单位职责，申请退回"
        )
        row["return_count"] += 1
        t = self.decide(
            "approve_return",
            "opened",
            "同意退回，重新派遣",
            {"returned_unit_id": self.unit[0], "return_count": row["return_count"]},
        )
        self._clear_handling(t)
        return t

    def _clear_handling(self, moment: dt.datetime) -> None:
        row = self.row
        row["unit_id"] = row["handle_due_at"] = row["handled_at"] = None
        row["checked_at"] = row["check_due_at"] = None
        row["dispatch_due_at"] = self.due("dispatch", moment)

    def escalate(self, moment: dt.datetime, automatic: bool) -> dt.datetime:
        """小事不出社区、大事不出街道: on timeout by the system, else by decision."""
        row = self.row
        who, role = (SYSTEM, "system") if automatic else (self.desk(moment)[0], "shift_leader")
        note = "社区处置超时，自动升级至街道" if automatic else "社区协调未果，上报街道统筹处置"
        data = {"automatic": automatic, "redispatch": True, "previous_unit_id": self.unit[0]}
        t = self.step(moment, "escalate", "opened", who, role, note, data)
        row["escalation_level"] = 1
        row["escalated_at"] = t
        row["pending_request"] = None
        self._clear_handling(t)
        self.reached()
        return t

    def extend(self, dispatched: dt.datetime) -> None:
        row = self.row
        old = row["handle_due_at"]
        wanted = self.add(old, 1.0) if old else None
        self.request(
            self.add(dispatched, self.rng.uniform(0.3, 0.8)),
            "extension",
            "需协调产权单位，申请延期",
            {"requested_due": iso(wanted), "hours": None},
        )
        row["extension_count"] += 1
        row["handle_due_at"] = wanted
        self.decide(
            "approve_extension",
            "in_handling",
            "同意延期",
            {"old_due": iso(old), "new_due": iso(wanted)},
        )

    def shelve(self, dispatched: dt.datetime) -> None:
        self.request(
            self.add(dispatched, self.rng.uniform(0.3, 0.9)),
            "shelve",
            "涉及历史遗留问题，短期内无法解决，申请挂账",
        )
        self.decide("approve_shelve", "shelved", "同意挂账")

    def supervise(self, moment: dt.datetime, note: str = "请加快处置进度") -> None:
        leader = self.ctx.staff.get("leader", SYSTEM)
        self.step(moment, "supervise", self.state or "", leader, "leader", note)
        self.row["supervised"] = True

    def handled_time(self, dispatched: dt.datetime, accepted: dt.datetime) -> dt.datetime:
        row = self.row
        late = self.rng.random() < (0.02 if row["extension_count"] else P_LATE)
        if late and row["handle_due_at"] is not None:
            t = self.add(row["handle_due_at"], self.rng.uniform(0.05, 0.8))
        else:
            t = self.add(dispatched, self.rng.uniform(0.1, 0.92))
        return max(t, accepted + minutes(self.rng.uniform(5, 30)))

    def finish(self, dispatched: dt.datetime, accepted: dt.datetime) -> None:
        """Feedback, the inspector's check (once failed now and then), close, callback."""
        row = self.row
        unit = self.unit_person(self.unit)
        worker = row["_worker"]
        handled = self.handled_time(dispatched, accepted)
        if self.rng.random() < P_REWORK:
            self.step(
                handled, "feedback", "to_check", unit, "unit", "已处置完毕", {"attachments": []}
            )
            t = self.staffed(self.last + minutes(self.rng.uniform(8, 55)), INSPECTOR_HOURS)
            row["rework_count"] += 1
            t = self.step(
                t,
                "check_fail",
                "in_handling",
                worker,
                "inspector",
                "处置不到位，返工",
                {"rework_count": row["rework_count"]},
            )
            handled = self.add(t, self.rng.uniform(0.1, 0.5))
        handled = self.step(
            handled, "feedback", "to_check", unit, "unit", "已处置完毕", {"attachments": []}
        )
        row["handled_at"] = handled
        row["check_due_at"] = self.due("check", handled)
        self.reached()
        t = self.staffed(handled + self.delay((8, 55), (61, 240), 0.08), INSPECTOR_HOURS)
        row["checked_at"] = self.step(t, "check_pass", "to_close", worker, "inspector", "核查通过")
        self.reached()
        t = self.staffed(self.last + minutes(self.rng.uniform(3, 50)), DESK_HOURS)
        row["closed_at"] = self.step(t, "close", "closed", self.desk(t)[0], "shift_leader", "结案")
        self.callback_and_archive(row["closed_at"], callback=True)

    def callback_and_archive(self, closed: dt.datetime, *, callback: bool) -> None:
        """回访 a day or so after closing, then archiving; cases closed since stay closed."""
        t = self.staffed(closed + dt.timedelta(days=self.rng.uniform(0.5, 2.5)), DESK_HOURS)
        if t > self.limit:
            return
        clerk = self.desk(t)[2]
        if callback:
            results = [r for r, _ in CALLBACK_RESULTS]
            result = self.rng.choices(results, [w for _, w in CALLBACK_RESULTS])[0]
            t = self.step(t, "callback", "closed", clerk, "intake", "", {"result": result})
            self.row["callback_at"] = t
            self.row["callback_result"] = result
            t = t + minutes(self.rng.uniform(5, 120))
            if t > self.limit:
                return
        self.row["archived_at"] = self.step(t, "archive", "archived", clerk, "intake", "归档")
