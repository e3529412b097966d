"""The workflow's words and sentences, in Chinese and English."""

from __future__ import annotations

from console import messages

_ACTIONS: dict[str, tuple[str, str]] = {
    "report": ("上报", "report"),
    "verify": ("核实", "verify"),
    "open": ("立案", "open"),
    "not_open": ("不予立案", "decline to open"),
    "dispatch": ("派遣", "dispatch"),
    "accept": ("签收", "accept"),
    "request_return": ("申请退回", "request a return"),
    "approve_return": ("批准退回", "approve the return"),
    "reject_return": ("驳回退回申请", "reject the return"),
    "request_extension": ("申请延期", "request an extension"),
    "approve_extension": ("批准延期", "approve the extension"),
    "reject_extension": ("驳回延期申请", "reject the extension"),
    "request_shelve": ("申请挂账", "request shelving"),
    "approve_shelve": ("批准挂账", "approve shelving"),
    "reject_shelve": ("驳回挂账申请", "reject shelving"),
    "unshelve": ("解除挂账", "unshelve"),
    "feedback": ("处置反馈", "report the handling"),
    "check_pass": ("核查通过", "pass the check"),
    "check_fail": ("核查不通过", "fail the check"),
    "close": ("结案", "close"),
    "callback": ("回访", "record a callback"),
    "archive": ("归档", "archive"),
    "supervise": ("督办", "supervise"),
    "unsupervise": ("取消督办", "end supervision"),
    "escalate": ("上报街道", "escalate to the street"),
    "merge": ("合并", "merge"),
    "merged_in": ("并入重复案卷", "take in a duplicate"),
    "attach": ("添加附件", "attach a file"),
}

_STATES: dict[str, tuple[str, str]] = {
    "none": ("无", "none"),
    "draft": ("草稿", "draft"),
    "reported": ("已上报", "reported"),
    "to_verify": ("待核实", "awaiting verification"),
    "to_open": ("待立案", "awaiting opening"),
    "not_opened": ("不予立案", "not opened"),
    "opened": ("已立案", "opened"),
    "dispatched": ("已派遣", "dispatched"),
    "in_handling": ("处置中", "in handling"),
    "shelved": ("挂账", "shelved"),
    "to_check": ("待核查", "awaiting the check"),
    "to_close": ("待结案", "awaiting closing"),
    "closed": ("已结案", "closed"),
    "archived": ("已归档", "archived"),
    "merged": ("已合并", "merged"),
}

_ROLES: dict[str, tuple[str, str]] = {
    "inspector": ("监督员/网格员", "grid inspector"),
    "intake": ("受理员", "intake clerk"),
    "shift_leader": ("值班长", "shift leader"),
    "dispatcher": ("派遣员", "dispatcher"),
    "unit": ("责任单位", "responsible unit"),
    "leader": ("领导", "leader"),
    "admin": ("管理员", "administrator"),
    "system": ("系统", "system"),
}

_REQUESTS: dict[str, tuple[str, str]] = {
    "none": ("无", "none"),
    "return": ("退回", "return"),
    "extension": ("延期", "extension"),
    "shelve": ("挂账", "shelving"),
}

_SENTENCES: dict[str, tuple[str, str]] = {
    "workflow.not_found": ("没有编号为 {case_id} 的案卷", "No case with id {case_id}"),
    "workflow.system": ("系统", "the system"),
    "workflow.denied": (
        "无法{action}：案卷 {number} 当前状态为“{state}”，该操作需要角色：{needed}"
        "（当前账号角色：{roles}）",
        "Cannot {action} case {number} (now {state}): it needs one of the roles "
        "{needed}; yours: {roles}",
    ),
    "workflow.denied_new": (
        "无法{action}：该操作需要角色：{needed}（当前账号角色：{roles}）",
        "Cannot {action}: it needs one of the roles {needed}; yours: {roles}",
    ),
    "workflow.wrong_state": (
        "无法{action}：案卷 {number} 当前状态为“{state}”，该操作只能在以下状态进行：{allowed}",
        "Cannot {action} case {number}: it is {state}; this is only possible when it is {allowed}",
    ),
    "workflow.not_own_unit": (
        "无法{action}：案卷 {number}（{state}）派给的是“{unit}”，不是您所在的单位",
        "Cannot {action} case {number} ({state}): it is assigned to {unit}, not to your unit",
    ),
    "workflow.pending_request": (
        "无法{action}：案卷 {number}（{state}）有一项{request}申请正等待值班长审批，"
        "请等审批后再操作",
        "Cannot {action} case {number} ({state}): a {request} request is awaiting the "
        "shift leader's decision",
    ),
    "workflow.no_pending": (
        "无法{action}：案卷 {number}（{state}）没有待审批的{request}申请",
        "Cannot {action} case {number} ({state}): there is no pending {request} request",
    ),
    "workflow.already_supervised": (
        "无法{action}：案卷 {number}（{state}）已在督办中",
        "Cannot {action} case {number} ({state}): it is already supervised",
    ),
    "workflow.not_supervised": (
        "无法{action}：案卷 {number}（{state}）未在督办",
        "Cannot {action} case {number} ({state}): it is not supervised",
    ),
    "workflow.already_escalated": (
        "无法{action}：案卷 {number}（{state}）已由街道层级处理",
        "Cannot {action} case {number} ({state}): it is already at street level",
    ),
    "workflow.note_required": (
        "无法{action}：案卷 {number}（{state}）须填写说明",
        "Cannot {action} case {number} ({state}) without a note",
    ),
    "workflow.note_too_long": (
        "说明不能超过 {max} 个字符（当前 {length} 个）",
        "A note may have at most {max} characters (this one has {length})",
    ),
    "workflow.photo_required": (
        "无法{action}：案卷 {number}（{state}）须至少附一张本轮处置后的照片",
        "Cannot {action} case {number} ({state}): attach at least one new 'after' photo",
    ),
    "workflow.conflict": (
        "案卷 {number} 已被 {who} 于 {when} 修改（{what}），您看到的是旧版本，请刷新后重试",
        "Case {number} was changed by {who} at {when} ({what}) after you loaded it; "
        "reload it and try again",
    ),
    "workflow.unknown_unit": ("没有编号为 {unit_id} 的责任单位", "No responsible unit {unit_id}"),
    "workflow.inactive_unit": ("责任单位“{unit}”已停用", "The unit {unit} is disabled"),
    "workflow.needs_street_unit": (
        "无法{action}：案卷 {number} 已上报至街道层级，须派给街道级单位（“{unit}”是社区级单位）",
        "Cannot {action} case {number}: it was escalated to the street and needs a "
        "street-level unit ({unit} is a community unit)",
    ),
    "workflow.assist_is_primary": (
        "协办单位不能同时是主办单位：{unit}",
        "The assisting units must not include the primary unit: {unit}",
    ),
    "workflow.due_or_hours": (
        "无法{action}：请给出新的处置期限或延长的小时数（二选一）",
        "Cannot {action}: give either a new deadline or a number of hours, not both",
    ),
    "workflow.bad_hours": (
        "延长的小时数须为大于 0 的数字：{hours}",
        "The extension needs a positive number of hours: {hours}",
    ),
    "workflow.bad_due": (
        "无法{action}：新的处置期限 {due} 须晚于当前期限 {current}",
        "Cannot {action}: the new deadline {due} must be later than {current}",
    ),
    "workflow.naive_time": (
        "时间须带时区：{field}",
        "A time needs a time zone: {field}",
    ),
    "workflow.bad_callback_result": (
        "回访结果无效：{result}（可选：{allowed}）",
        "Unknown callback result {result} (one of: {allowed})",
    ),
    "workflow.merge_self": ("不能把案卷合并到它自己", "A case cannot be merged into itself"),
    "workflow.merge_target_state": (
        "无法合并：目标案卷 {number} 当前状态为“{state}”，只能并入未结案的案卷",
        "Cannot merge into case {number}: it is {state}; the target must still be open",
    ),
    "workflow.reason.grid": ("本网格的责任单位", "responsible for this grid"),
    "workflow.reason.community": ("本社区的责任单位", "responsible for this community"),
    "workflow.reason.street": ("全街道的责任单位", "responsible street-wide"),
    "workflow.intake.bad_data": ("上报内容无效：{detail}", "Invalid report: {detail}"),
    "workflow.intake.unknown_category": (
        "未知的案件类别：{category_id}",
        "Unknown category {category_id}",
    ),
    "workflow.intake.category_inactive": (
        "案件类别“{name}”已停用",
        "The category {name} is disabled",
    ),
    "workflow.intake.category_not_subclass": (
        "“{name}”是大类，请选择具体的小类",
        "{name} is a class; choose one of its subclasses",
    ),
    "workflow.intake.bad_coordinates": (
        "坐标无效（须为有限的经纬度数值）：经度 {lon}，纬度 {lat}",
        "Invalid coordinates (finite numbers needed): lon {lon}, lat {lat}",
    ),
    "workflow.intake.outside_china": (
        "坐标不在中国境内：经度 {lon}，纬度 {lat}（请确认是 WGS-84 坐标且经纬度未颠倒）",
        "The point is outside China: lon {lon}, lat {lat} (WGS-84 expected; are lon and "
        "lat swapped?)",
    ),
    "workflow.intake.outside_street": (
        "坐标不在本街道辖区内：经度 {lon}，纬度 {lat}",
        "The point is outside the street's area: lon {lon}, lat {lat}",
    ),
    "workflow.intake.bad_time": (
        "上报时间须为带时区的时间：{at}",
        "The report time needs a time zone: {at}",
    ),
    "workflow.intake.future_time": (
        "上报时间 {at} 晚于当前时间",
        "The report time {at} is in the future",
    ),
    "workflow.intake.empty_description": ("问题描述不能为空", "The description must not be empty"),
    "workflow.intake.description_too_long": (
        "问题描述不能超过 {max} 个字符（当前 {length} 个）",
        "The description may have at most {max} characters (it has {length})",
    ),
    "workflow.intake.field_too_long": (
        "{field} 不能超过 {max} 个字符",
        "{field} may have at most {max} characters",
    ),
    "workflow.intake.bad_source": (
        "未知的案件来源：{source}（可选：{allowed}）",
        "Unknown source {source} (one of: {allowed})",
    ),
    "workflow.intake.bad_urgency": (
        "未知的紧急程度：{urgency}（可选：{allowed}）",
        "Unknown urgency {urgency} (one of: {allowed})",
    ),
    "workflow.intake.self_handled_by_inspector": (
        "只有监督员/网格员可以上报自行处置的案件",
        "Only a grid inspector can report a case as handled on site",
    ),
    "workflow.intake.photo_required": (
        "自行处置的案件须至少附一张处置后照片",
        "A case handled on site needs at least one 'after' photo",
    ),
    "workflow.attachment.bad_kind": (
        "未知的附件类型：{kind}（可选：{allowed}）",
        "Unknown attachment kind {kind} (one of: {allowed})",
    ),
    "workflow.attachment.empty": ("文件“{name}”是空的", "The file {name} is empty"),
    "workflow.attachment.not_image": (
        "文件“{name}”不是 JPEG、PNG 或 WebP 图片，不能作为照片上传",
        "The file {name} is not a JPEG, PNG or WebP image",
    ),
    "workflow.attachment.not_clip": (
        "文件“{name}”不是 MP4 视频或图片",
        "The file {name} is neither an MP4 video nor an image",
    ),
    "workflow.attachment.too_large": (
        "文件“{name}”过大：{size_mb} MB，上限为 {max_mb} MB",
        "The file {name} is too large: {size_mb} MB, the limit is {max_mb} MB",
    ),
    "workflow.attachment.case_state": (
        "无法添加附件：案卷 {number} 当前状态为“{state}”",
        "Cannot attach files to case {number}: it is {state}",
    ),
    "workflow.attachment.bad_position": (
        "拍摄位置无效：经度 {lon}，纬度 {lat}",
        "Invalid photo position: lon {lon}, lat {lat}",
    ),
    "workflow.attachment.unknown_camera": (
        "未知的摄像机：{camera_id}",
        "Unknown camera {camera_id}",
    ),
    "workflow.attachment.future_time": (
        "拍摄时间 {at} 晚于当前时间",
        "The time taken {at} is in the future",
    ),
}


def _catalogue() -> dict[str, tuple[str, str]]:
    out = dict(_SENTENCES)
    out.update({f"workflow.action.{k}": v for k, v in _ACTIONS.items()})
    out.update({f"workflow.state.{k}": v for k, v in _STATES.items()})
    out.update({f"workflow.role.{k}": v for k, v in _ROLES.items()})
    out.update({f"workflow.request.{k}": v for k, v in _REQUESTS.items()})
    return out


messages.register(_catalogue())
