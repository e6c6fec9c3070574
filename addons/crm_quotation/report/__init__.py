# -*- coding: utf-8 -*-
from . import crm_quotation_report
