# -*- coding: utf-8 -*-
from . import crm_report_forecast
from . import crm_report_dashboard
