# -*- coding: utf-8 -*-
from . import crm_guard
from . import crm_clock
from . import crm_follow_up_mixin
from . import crm_customer_config
from . import res_partner
from . import crm_follow_up
from . import crm_lead
from . import crm_todo
from . import crm_share_mixin
from . import crm_stage_group
from . import crm_stage
from . import crm_team
from . import res_users_crm_scope
from . import crm_lead_opportunity
from . import crm_lead_product_line
from . import crm_lead_share
from . import res_partner_share
