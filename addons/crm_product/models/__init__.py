# -*- coding: utf-8 -*-
from . import product_template
from . import product_product
from . import product_stock
from . import product_pricelist
from . import crm_customer_level
from . import res_partner
from . import crm_stock_line_mixin
from . import crm_lead_product_line
