# -*- coding: utf-8 -*-
from . import crm_service_contract
from . import res_partner
