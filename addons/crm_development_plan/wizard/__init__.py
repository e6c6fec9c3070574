# -*- coding: utf-8 -*-
from . import crm_development_plan_fail
