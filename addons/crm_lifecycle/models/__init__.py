# -*- coding: utf-8 -*-
from . import crm_churn_reason
from . import res_partner_lifecycle
from . import res_partner_churn
from . import res_partner_card
from . import crm_churn_record
from . import crm_churn_warning
from . import crm_churn_settings
from . import crm_contract
from . import crm_lead
from . import crm_todo
from . import crm_demo
