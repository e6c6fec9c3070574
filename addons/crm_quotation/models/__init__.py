# -*- coding: utf-8 -*-
from . import crm_quotation
from . import crm_quotation_line
from . import crm_quotation_pricing
from . import crm_quotation_state
from . import crm_quotation_revision
from . import crm_quotation_contract
from . import crm_quotation_token
from . import crm_quotation_link
from . import crm_quotation_link_attempt
from . import mail_compose_message
from . import tier_definition
from . import crm_lead
from . import res_partner
from . import crm_todo
from . import crm_quotation_demo
