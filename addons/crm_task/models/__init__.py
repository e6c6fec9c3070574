# -*- coding: utf-8 -*-
from . import crm_task
from . import crm_task_state
from . import crm_task_due
from . import crm_task_checklist
from . import crm_task_remind
from . import crm_task_demo
from . import crm_todo
from . import res_partner
from . import crm_lead
