# -*- coding: utf-8 -*-
from . import crm_lead_convert
from . import crm_lead_invalid
from . import crm_opportunity_end
from . import crm_share_wizard
from . import crm_customer_transfer
