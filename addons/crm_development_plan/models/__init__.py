# -*- coding: utf-8 -*-
from . import crm_development_plan
from . import crm_development_plan_step
from . import crm_lead
from . import res_partner
from . import crm_todo
