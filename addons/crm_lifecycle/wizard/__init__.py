# -*- coding: utf-8 -*-
from . import crm_churn_wizard
