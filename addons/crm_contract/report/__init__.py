# -*- coding: utf-8 -*-
from . import crm_printout_mixin
from . import crm_contract_report
from . import crm_contract_xlsx
