# -*- coding: utf-8 -*-
from . import calendar_alarm
from . import calendar_event
from . import crm_visit
from . import crm_visit_check_in
from . import res_partner
