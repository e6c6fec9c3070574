# -*- coding: utf-8 -*-
from . import product_template
from . import product_product
from . import product_stock
from . import product_pricelist
from . import crm_customer_level
from . import res_partner
from . import crm_stock_line_mixin
from . import crm_lead_product_line
from . import crm_erp_order
from . import crm_erp_order_line
from . import crm_erp_order_push
from . import res_partner_erp_order
