# -*- coding: utf-8 -*-
from . import crm_work_report
