# -*- coding: utf-8 -*-
from . import crm_task
from . import crm_contract
