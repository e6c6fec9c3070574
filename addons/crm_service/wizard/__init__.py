# -*- coding: utf-8 -*-
from . import crm_service_feedback_wizard
from . import crm_service_assign_wizard
from . import crm_service_process_wizard
