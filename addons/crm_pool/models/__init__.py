# -*- coding: utf-8 -*-
from . import crm_pool
from . import crm_pool_rule
from . import crm_pool_rule_cron
from . import crm_pool_log
from . import crm_operation_log
from . import crm_customer_limit
from . import res_partner
from . import res_partner_pool
from . import res_partner_mask
from . import mail_message
from . import crm_lead
from . import res_users
from . import crm_todo
