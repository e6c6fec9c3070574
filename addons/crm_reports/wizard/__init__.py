# -*- coding: utf-8 -*-
from . import crm_report_export
from . import crm_report_settings
