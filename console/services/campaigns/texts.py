"""Messages of the campaign, difficulty-list, enforcement-ledger and duty services."""

from __future__ import annotations

from console import messages

messages.register(
    {
        "campaign.required": ("{field} 不能为空", "{field} must not be empty"),
        "campaign.not_text": ("{field} 必须是文字", "{field} must be text"),
        "campaign.not_found": ("没有这个专项整治：{id}", "No such campaign: {id}"),
        "campaign.item_not_found": ("没有这个整治点位：{id}", "No such campaign item: {id}"),
        "campaign.bad_name": (
            "专项名称不能为空，且不超过 {max} 个字符",
            "A campaign name must not be empty nor longer than {max} characters",
        ),
        "campaign.bad_dates": (
            "结束日期 {ends} 早于开始日期 {starts}",
            "The end date {ends} is before the start date {starts}",
        ),
        "campaign.bad_steps": (
            "步骤模板需要 1 至 {max} 个不重复、非空且不超过 32 个字符的步骤名称",
            "A step template needs 1 to {max} distinct, non-empty step names of at most "
            "32 characters",
        ),
        "campaign.bad_cleared_step": (
            "“完成清除”的步骤须在 1 至 {max} 之间",
            "The step that counts as cleared must be between 1 and {max}",
        ),
        "campaign.steps_in_use": (
            "仍有点位处于第 {step} 步，不能删除该步骤",
            "Items are still at step {step}; that step cannot be removed",
        ),
        "campaign.bad_number": (
            "{field} 必须是不小于 {min} 的数字",
            "{field} must be a number not below {min}",
        ),
        "campaign.unknown_category": ("没有这个类别：{id}", "No such category: {id}"),
        "campaign.unknown_community": ("没有这个社区：{id}", "No such community: {id}"),
        "campaign.unknown_user": (
            "没有这个有效账号：{id}",
            "No such active account: {id}",
        ),
        "campaign.closed": (
            "专项“{name}”已结束，不能再修改点位",
            "The campaign “{name}” is closed; its items cannot change",
        ),
        "campaign.bad_point": (
            "坐标无效或不在中国境内：经度 {lon}，纬度 {lat}",
            "Invalid coordinates or outside China: longitude {lon}, latitude {lat}",
        ),
        "campaign.bad_kind": (
            "点位类型“{kind}”无效，可选：{allowed}",
            "Item kind “{kind}” is not valid; choose one of: {allowed}",
        ),
        "campaign.bad_step": (
            "步骤 {step} 无效：该专项共有 {count} 个步骤",
            "Step {step} is not valid: the campaign has {count} steps",
        ),
        "campaign.same_step": (
            "点位已处于该步骤",
            "The item is already at that step",
        ),
        "campaign.note_required": (
            "退回到前面的步骤时必须填写原因",
            "Moving an item back to an earlier step needs a reason",
        ),
        "campaign.text_too_long": (
            "{field} 不能超过 {max} 个字符",
            "{field} must not be longer than {max} characters",
        ),
        "campaign.photo_kind": (
            "照片类型“{kind}”不适用于此处，可选：{allowed}",
            "Photo kind “{kind}” does not apply here; choose one of: {allowed}",
        ),
        "campaign.photo_not_image": (
            "文件 {name} 不是 JPEG、PNG 或 WebP 图片",
            "The file {name} is not a JPEG, PNG or WebP image",
        ),
        "campaign.photo_too_large": (
            "文件 {name} 太大（{size_mb} MB，上限 {max_mb} MB）",
            "The file {name} is too large ({size_mb} MB, limit {max_mb} MB)",
        ),
        "campaign.import_done": (
            "已导入 {count} 个点位",
            "{count} items imported",
        ),
        "campaign.import_checked": (
            "检查通过：{count} 个点位可以导入（试运行，未写入）",
            "Checked: {count} items can be imported (dry run, nothing written)",
        ),
        "campaign.import_refused": (
            "文件中有 {count} 处问题，未导入任何点位：",
            "The file has {count} problems; no item was imported:",
        ),
        "campaign.import_missing": (
            "缺少必需的列：{columns}",
            "Required columns are missing: {columns}",
        ),
        "campaign.import_required": ("不能为空", "must not be empty"),
        "campaign.import_bad_kind": (
            "无效的类型“{value}”，可选：{allowed}",
            "unknown kind “{value}”; choose one of: {allowed}",
        ),
        "campaign.import_bad_step": (
            "无效的步骤“{value}”：须为 1 至 {count} 或步骤名称",
            "unknown step “{value}”: give 1 to {count} or a step name",
        ),
        "campaign.import_bad_owner": (
            "没有这个有效账号：“{value}”",
            "no such active account: “{value}”",
        ),
        "campaign.import_bad_point": (
            "坐标无效或不在本街道内：{lon}, {lat}",
            "invalid coordinates or outside the street: {lon}, {lat}",
        ),
        "campaign.import_no_header": (
            "{name} 的第 1 行不是点位表头（需要“经度”“纬度”等列）",
            "Row 1 of {name} is not an item header (columns such as 经度, 纬度 are needed)",
        ),
        "campaign.import_exists": (
            "该位置已有本专项的点位（编号 {id}）",
            "the campaign already has an item at this place (id {id})",
        ),
        "campaign.import_duplicate": (
            "与第 {row} 行重复（同一位置）",
            "same place as row {row}",
        ),
    }
)
