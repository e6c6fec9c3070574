# -*- coding: utf-8 -*-
from . import crm_version_mixin
from . import crm_receivable_method
from . import crm_contract
from . import crm_contract_line
from . import crm_contract_revision
from . import crm_contract_expiry
from . import crm_receivable_plan
from . import crm_receivable
from . import crm_contract_payment
from . import crm_lead
from . import res_partner
from . import crm_todo
from . import ir_actions_report
