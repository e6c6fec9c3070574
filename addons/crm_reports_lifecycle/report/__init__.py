# -*- coding: utf-8 -*-
from . import crm_reports_xlsx
