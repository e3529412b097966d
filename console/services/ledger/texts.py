"""Messages of the ledger import and export, in Chinese (default) and English."""

from __future__ import annotations

from console import messages

messages.register(
    {
        # Whole-file problems (raised as InputError: nothing to report row by row).
        "ledger.file_missing": ("找不到文件：{path}", "File not found: {path}"),
        "ledger.file_unreadable": (
            "无法读取文件 {path}：{detail}",
            "Cannot read the file {path}: {detail}",
        ),
        "ledger.empty": ("文件是空的：{name}", "The file is empty: {name}"),
        "ledger.not_ledger": (
            "{name} 不是 CSV 或 XLSX 文件",
            "{name} is neither a CSV nor an XLSX file",
        ),
        "ledger.old_xls": (
            "{name} 是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入",
            "{name} is an old Excel (.xls) file; save it as .xlsx in Excel and import that",
        ),
        "ledger.corrupt_xlsx": (
            "XLSX 文件已损坏，无法打开：{name}",
            "The XLSX file is damaged and cannot be opened: {name}",
        ),
        "ledger.encoding": (
            "无法识别 {name} 的文字编码：CSV 文件须为 UTF-8（可带 BOM）或 GB18030（GBK）编码",
            "Cannot read the text encoding of {name}: a CSV file must be UTF-8 (with or "
            "without BOM) or GB18030 (GBK)",
        ),
        "ledger.no_header": (
            "{name} 的第 1 行不是台账表头（没有找到“案卷编号”“上报时间”等列）",
            "Row 1 of {name} is not a ledger header (no columns such as 案卷编号, 上报时间)",
        ),
        "ledger.bad_format": (
            "不支持的导出格式：{format}（可用：xlsx、csv）",
            "Unsupported export format: {format} (use xlsx or csv)",
        ),
        "ledger.bad_date": (
            "日期格式不正确：{value}（应为 YYYY-MM-DD）",
            "Malformed date: {value} (expected YYYY-MM-DD)",
        ),
        "ledger.bad_period": (
            "起始日期 {start} 晚于结束日期 {end}",
            "The start date {start} is after the end date {end}",
        ),
        "ledger.cannot_write": (
            "无法写入文件 {path}：{detail}",
            "Cannot write the file {path}: {detail}",
        ),
        "ledger.cancelled": ("操作已取消，没有写入任何内容", "Cancelled; nothing was written"),
        "ledger.concurrent": (
            "导入期间其他工作站写入了相同的案卷编号，本次没有导入任何案卷，请重新导入",
            "Another workstation wrote the same case numbers meanwhile; nothing was "
            "imported, import the file again",
        ),
        # Header problems and notes (reported like rows, as row 1).
        "ledger.missing_columns": (
            "缺少必需的列：{columns}",
            "Required columns missing: {columns}",
        ),
        "ledger.duplicate_column": (
            "列“{column}”出现了不止一次",
            "The column {column} appears more than once",
        ),
        "ledger.ignored_columns": (
            "以下列不属于台账，已忽略：{columns}",
            "These columns are not part of the ledger and were ignored: {columns}",
        ),
        "ledger.no_rows": ("文件中没有数据行", "The file has no data rows"),
        # Row problems.
        "ledger.required": ("不能为空", "must not be empty"),
        "ledger.category_required": (
            "大类和小类至少填写一项",
            "give at least the class (大类) or the subclass (小类)",
        ),
        "ledger.too_long": (
            "超过 {max} 个字符（实为 {length} 个）",
            "longer than {max} characters ({length})",
        ),
        "ledger.unknown_source": (
            "未知的来源“{value}”（可填：{choices}）",
            "unknown source “{value}” (use one of: {choices})",
        ),
        "ledger.unknown_state": (
            "未知的状态“{value}”（可填：{choices}）",
            "unknown state “{value}” (use one of: {choices})",
        ),
        "ledger.unknown_class": ("未知的大类“{value}”", "unknown class “{value}”"),
        "ledger.unknown_subclass": ("未知的小类“{value}”", "unknown subclass “{value}”"),
        "ledger.unknown_category": ("未知的类别“{value}”", "unknown category “{value}”"),
        "ledger.class_mismatch": (
            "小类“{subclass}”不属于大类“{value}”（它属于“{parent}”）",
            "the subclass “{subclass}” does not belong to the class “{value}” "
            "(it belongs to “{parent}”)",
        ),
        "ledger.unknown_community": ("未知的社区“{value}”", "unknown community “{value}”"),
        "ledger.unknown_grid": ("未知的网格编码“{value}”", "unknown grid code “{value}”"),
        "ledger.unknown_unit": ("未知的处置单位“{value}”", "unknown responsible unit “{value}”"),
        "ledger.ambiguous": (
            "“{value}”对应多条记录（重名），请改填编码",
            "“{value}” matches several records (same name); give the code instead",
        ),
        "ledger.grid_community": (
            "网格 {value} 不属于社区“{community}”",
            "the grid {value} does not belong to the community “{community}”",
        ),
        "ledger.not_number": ("不是数字：“{value}”", "not a number: “{value}”"),
        "ledger.not_finite": ("不是有限数值：{value}", "not a finite number: {value}"),
        "ledger.coord_pair": (
            "经度和纬度须同时填写或同时留空",
            "give both longitude and latitude, or neither",
        ),
        "ledger.outside_china": (
            "坐标（{lon}，{lat}）不在中国境内（经度 73.5–135.1，纬度 3.8–53.6；"
            "是否把经纬度填反了？）",
            "the point ({lon}, {lat}) is outside China (longitude 73.5–135.1, latitude "
            "3.8–53.6; longitude and latitude swapped?)",
        ),
        "ledger.outside_street": (
            "坐标（{lon}，{lat}）不在本街道范围内",
            "the point ({lon}, {lat}) is outside this street",
        ),
        "ledger.bad_time": (
            "无法识别的时间“{value}”（应为 YYYY-MM-DD HH:MM 或 YYYY-MM-DD HH:MM:SS）",
            "unreadable time “{value}” (expected YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS)",
        ),
        "ledger.future_time": ("时间 {value} 晚于当前时间", "the time {value} is in the future"),
        "ledger.time_order": (
            "{column}（{value}）早于{earlier}（{earlier_value}）",
            "{column} ({value}) is before {earlier} ({earlier_value})",
        ),
        "ledger.state_needs_time": (
            "状态为“{state}”时须填写{needed}",
            "the state “{state}” needs {needed}",
        ),
        "ledger.state_forbids_time": (
            "状态为“{state}”的案卷不应有{column}",
            "a case in state “{state}” cannot have {column}",
        ),
        "ledger.duplicate_number": (
            "案卷编号“{value}”与第 {first_row} 行重复",
            "the case number “{value}” repeats row {first_row}",
        ),
        "ledger.conflict": (
            "案卷编号“{value}”已存在，但内容不同（不同的列：{columns}）",
            "the case number “{value}” exists already with different content "
            "(differing columns: {columns})",
        ),
        # How a report is printed.
        "ledger.problem_row": ("第 {row} 行：{reason}", "Row {row}: {reason}"),
        "ledger.problem_cell": (
            "第 {row} 行【{column}】：{reason}",
            "Row {row} [{column}]: {reason}",
        ),
        "ledger.import_ok": (
            "导入完成：{name} 共 {rows} 行，新增 {imported} 条案卷，已存在 {present} 条",
            "Import done: {name}, {rows} rows, {imported} new cases, {present} already present",
        ),
        "ledger.check_ok": (
            "校验通过：{name} 共 {rows} 行，可新增 {new} 条案卷，已存在 {present} 条（未写入）",
            "Check passed: {name}, {rows} rows, {new} new cases, {present} already present "
            "(nothing written)",
        ),
        "ledger.import_failed": (
            "{name} 有 {count} 处问题，未导入任何案卷：",
            "{name} has {count} problems; no case was imported:",
        ),
        "ledger.export_ok": (
            "已导出 {count} 条案卷到 {path}",
            "Exported {count} cases to {path}",
        ),
        "ledger.phase_check": ("校验", "Checking"),
        "ledger.phase_insert": ("写入", "Writing"),
        "ledger.phase_export": ("导出", "Exporting"),
    }
)
