# -*- coding: utf-8 -*-
from . import crm_quotation
from . import crm_quotation_line
