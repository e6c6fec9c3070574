# -*- coding: utf-8 -*-
from . import crm_report_service
from . import crm_report_export
