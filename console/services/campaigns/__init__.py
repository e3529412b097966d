"""Special campaigns (专项整治): template of steps, items, progress, rebounds, import.

    with store.write() as session:
        campaign = create_campaign(session, actor, CampaignInput("私装地锁", date(2026, 1, 5)))
        item = add_item(session, actor, campaign.id, ItemInput(116.2, 39.9))
        set_step(session, actor, item.id, 3)
    with store.read() as session:
        print(progress(session, campaign.id).cleared)

Every change writes an audit row and a change-feed row (entity "campaign" or
"campaign_item") in the caller's transaction. A new case is checked for rebounds by the
workflow's report(), through rebound.check_new_case.
"""

from console.services.campaigns.common import ITEM_ROLES, MANAGE_ROLES
from console.services.campaigns.item_import import ItemImportResult, import_items
from console.services.campaigns.items import (
    ItemInput,
    add_item,
    attach_photos,
    load_item,
    set_owner,
    set_step,
)
from console.services.campaigns.photos import ItemPhoto
from console.services.campaigns.progress import (
    CampaignRow,
    CommunityProgress,
    ItemRow,
    Progress,
    list_campaigns,
    list_items,
    map_center,
    progress,
)
from console.services.campaigns.rebound import check_new_case
from console.services.campaigns.records import (
    PARKING_LOCK_STEPS,
    CampaignInput,
    campaign_input,
    create_campaign,
    set_status,
    step_names,
    update_campaign,
)

__all__ = [
    "ITEM_ROLES",
    "MANAGE_ROLES",
    "PARKING_LOCK_STEPS",
    "CampaignInput",
    "CampaignRow",
    "CommunityProgress",
    "ItemImportResult",
    "ItemInput",
    "ItemPhoto",
    "ItemRow",
    "Progress",
    "add_item",
    "attach_photos",
    "campaign_input",
    "check_new_case",
    "create_campaign",
    "import_items",
    "list_campaigns",
    "list_items",
    "load_item",
    "map_center",
    "progress",
    "set_owner",
    "set_status",
    "set_step",
    "step_names",
    "update_campaign",
]
