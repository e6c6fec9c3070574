# -*- coding: utf-8 -*-
from . import crm_contract_line
from . import res_partner
