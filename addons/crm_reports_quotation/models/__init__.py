# -*- coding: utf-8 -*-
from . import crm_report_quotation
from . import crm_report_quotation_product
from . import crm_report_export
