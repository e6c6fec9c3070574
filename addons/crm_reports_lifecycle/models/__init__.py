# -*- coding: utf-8 -*-
from . import crm_report_lifecycle
from . import crm_report_churn
from . import crm_report_export
from . import crm_report_customer
