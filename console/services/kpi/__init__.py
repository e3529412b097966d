"""KPIs of the command center (综合评价). These definitions are the contract that the
reports, the dashboard and the CLI rely on; definitions.py states them as SQL.

Cohort
    The cases whose reported_at falls in [start, end) of the center's local dates (time
    zone: AppSetting "timezone", default Asia/Shanghai; local midnights are converted to
    UTC in Python). Drafts, cases in state 'merged' and cases with merged_into_id set
    are never counted. Every figure describes the cohort as it stands now: a case
    reported in the period and closed after it counts as closed. as_of only sets the
    clock that overdue_open is measured against.

Counts
    reported 上报数            the cohort
    accepted 受理数            not in state 'not_opened'
    opened 立案数              opened_at set
    opened_on_time 按时立案数  opened_at <= open_due_at (no deadline: on time)
    dispatched 派遣数          dispatched_at set (the case entered the handling loop)
    returns 退回次数           sum of return_count
    dispatches 派遣次数        dispatched + returns
    handled 处置数             dispatched and handled_at set
    handled_on_time 按期处置数 handled and handled_at <= handle_due_at (no deadline: on time)
    handled_late 超期处置数    handled and handled_at > handle_due_at
    overdue_open 超期未处置数  handled_at not set, handle_due_at < as_of (default: now),
                              and not in a state where nobody is expected to handle it
                              (not_opened, shelved, closed, archived)
    shelved 挂账数             state 'shelved'
    due_to_close 应结案数      dispatched and not shelved
    closed 结案数              due_to_close, closed_at set and state closed or archived
    closed_on_time 按期结案数  closed and handled_at <= handle_due_at (no deadline: on time)
    reworked 返工数            rework_count > 0
    extended 延期数            extension_count > 0
    self_handled 自行处置数    self_handled true
    resolved_in_community 社区自处置数
                              closed_at set, state closed or archived, escalation_level 0
                              (self-handled cases included)
    hotline_* (12345)         the same cohort restricted to source 'hotline':
                              reported; responded (opened_at or verified_at set and not
                              after open_due_at; no deadline: responded once either is
                              set); resolved (closed as above); callbacks (callback_result
                              satisfied, basically_satisfied or unsatisfied: an
                              'unreachable' callback reached nobody and is not counted);
                              satisfied (satisfied or basically_satisfied)

Self-handled cases (closed by the inspector on site, never dispatched) count in
reported, accepted, self_handled and resolved_in_community, and in opened when they carry
opened_at. They stay out of every handling-loop figure (dispatched, handled, due_to_close,
closed, the rates built on them, the handling average) unless dispatched_at is set: the
closure rates measure the units' work, the community self-resolution rate the community's.

Rates (a 4-place float, None when the denominator is 0; shown "93.72%" or "—")
    按时立案率 on_time_open_rate        opened_on_time / opened
    准确派遣率 accurate_dispatch_rate   (dispatches - returns) / dispatches
    处置率 handle_rate                  handled / dispatched
    按期处置率 on_time_handle_rate      handled_on_time / dispatched
    结案率 close_rate                   closed / due_to_close
    按期结案率 on_time_close_rate       closed_on_time / due_to_close
    返工率 rework_rate                  reworked / handled
    延期率 extension_rate               extended / dispatched
    社区自处置率 community_resolution_rate  resolved_in_community / reported
    12345 response / resolution rates   hotline_responded, hotline_resolved / hotline_reported
    12345 satisfaction rate             hotline_satisfied / hotline_callbacks

Averages (2 places, None when nothing to average)
    avg_intake_minutes 平均受理时长  mean of opened_at - reported_at over opened cases
    avg_handle_hours 平均处置时长    mean of handled_at - dispatched_at over handled cases

Groupings (`by`)
    street (cases without a community belong to the street when there is only one),
    community, grid (Grid.code), unit (no unit: "未派遣"), category (subclass),
    category_class (its 2-digit parent), person (the reporter's account, else the name on
    an inspector's report; other reports without an account share one row). Rows are
    sorted by reported, descending; the total row is the sum over all cases, so the rows
    always add up to it. Only groups with cases in one of the periods appear.

Comparisons: the earlier period's counts and rates for the same row, and the change of
every count, (now - earlier) / earlier (None when earlier is 0)
    同比 yoy  the same dates a year earlier; Feb 29 becomes Feb 28, and a period ending
             on the last day of February ends on the last day of February
    环比 pop  whole calendar months: as many whole months just before; otherwise the
             same number of days just before

Working days only
    Only cases reported on a working day count, in every period: a local date is a
    working day if calendar_day marks it 'workday', or its weekday has a working_hours
    row and calendar_day does not mark it 'holiday' (no working_hours rows at all:
    Monday to Friday), as in console.services.workcalendar.
"""

from console.services.kpi import labels as labels
from console.services.kpi.grouping import GROUPINGS
from console.services.kpi.periods import Period, preceding, year_earlier
from console.services.kpi.render import to_csv, to_json, to_text
from console.services.kpi.table import Comparison, KpiRow, KpiTable, compute

__all__ = [
    "GROUPINGS",
    "Comparison",
    "KpiRow",
    "KpiTable",
    "Period",
    "compute",
    "preceding",
    "to_csv",
    "to_json",
    "to_text",
    "year_earlier",
]
