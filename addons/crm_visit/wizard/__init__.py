# -*- coding: utf-8 -*-
from . import crm_visit_check_out
