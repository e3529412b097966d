"""Official public holidays and make-up working days (调休) in mainland China.

Seed data for calendar_day, transcribed from the State Council General Office notices
(国务院办公厅关于 YYYY 年部分节假日安排的通知):
- 2024: notice of October 2023;
- 2025: notice of 2024-11-12 (国办发明电〔2024〕12号), the first year of the revised
  holiday law that added a day to the Spring Festival and Labour Day holidays;
- 2026: notice of 2025-11-04.
2024 was entered from the notice as remembered, not re-checked against the original
text; 2025 and 2026 were checked against reprints of the notices. Later years are not
published yet: an admin adds them when the notice appears (the table is editable).

Weekend days inside a holiday span are listed too: harmless for the weekly pattern and
it keeps each holiday's name on every day of it.
"""

from __future__ import annotations

import datetime as dt

# (first day, last day, name) of each holiday span.
HOLIDAY_SPANS: tuple[tuple[str, str, str], ...] = (
    ("2024-01-01", "2024-01-01", "元旦"),
    ("2024-02-10", "2024-02-17", "春节"),
    ("2024-04-04", "2024-04-06", "清明节"),
    ("2024-05-01", "2024-05-05", "劳动节"),
    ("2024-06-10", "2024-06-10", "端午节"),
    ("2024-09-15", "2024-09-17", "中秋节"),
    ("2024-10-01", "2024-10-07", "国庆节"),
    ("2025-01-01", "2025-01-01", "元旦"),
    ("2025-01-28", "2025-02-04", "春节"),
    ("2025-04-04", "2025-04-06", "清明节"),
    ("2025-05-01", "2025-05-05", "劳动节"),
    ("2025-05-31", "2025-06-02", "端午节"),
    ("2025-10-01", "2025-10-08", "国庆节、中秋节"),
    ("2026-01-01", "2026-01-03", "元旦"),
    ("2026-02-15", "2026-02-23", "春节"),
    ("2026-04-04", "2026-04-06", "清明节"),
    ("2026-05-01", "2026-05-05", "劳动节"),
    ("2026-06-19", "2026-06-21", "端午节"),
    ("2026-09-25", "2026-09-27", "中秋节"),
    ("2026-10-01", "2026-10-07", "国庆节"),
)

# Weekend days that are working days to make up for a holiday bridge (调休上班).
MAKEUP_WORKDAYS: tuple[tuple[str, str], ...] = (
    ("2024-02-04", "春节调休上班"),
    ("2024-02-18", "春节调休上班"),
    ("2024-04-07", "清明节调休上班"),
    ("2024-04-28", "劳动节调休上班"),
    ("2024-05-11", "劳动节调休上班"),
    ("2024-09-14", "中秋节调休上班"),
    ("2024-09-29", "国庆节调休上班"),
    ("2024-10-12", "国庆节调休上班"),
    ("2025-01-26", "春节调休上班"),
    ("2025-02-08", "春节调休上班"),
    ("2025-04-27", "劳动节调休上班"),
    ("2025-09-28", "国庆节调休上班"),
    ("2025-10-11", "国庆节调休上班"),
    ("2026-01-04", "元旦调休上班"),
    ("2026-02-14", "春节调休上班"),
    ("2026-02-28", "春节调休上班"),
    ("2026-05-09", "劳动节调休上班"),
    ("2026-09-20", "国庆节调休上班"),
    ("2026-10-10", "国庆节调休上班"),
)

# Office hours per weekday (0 = Monday .. 4 = Friday), local time.
OFFICE_HOURS = ("08:30", "12:00", "13:30", "17:30")
OFFICE_WEEKDAYS = (0, 1, 2, 3, 4)


def calendar_days() -> list[tuple[dt.date, str, str]]:
    """(day, kind, name) rows for calendar_day: kind is 'holiday' or 'workday'."""
    rows: list[tuple[dt.date, str, str]] = []
    for first, last, name in HOLIDAY_SPANS:
        day = dt.date.fromisoformat(first)
        end = dt.date.fromisoformat(last)
        while day <= end:
            rows.append((day, "holiday", name))
            day += dt.timedelta(days=1)
    rows.extend((dt.date.fromisoformat(day), "workday", name) for day, name in MAKEUP_WORKDAYS)
    rows.sort()
    return rows
