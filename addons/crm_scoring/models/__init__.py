# -*- coding: utf-8 -*-
from . import crm_score_rule
from . import crm_score_weight
from . import crm_score_model
from . import crm_lead_score
from . import crm_lead
from . import crm_demo
