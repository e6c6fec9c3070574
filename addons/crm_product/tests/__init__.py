# -*- coding: utf-8 -*-
from . import test_catalogue
from . import test_prices
from . import test_stock
from . import test_erp_orders
