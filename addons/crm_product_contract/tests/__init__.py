# -*- coding: utf-8 -*-
from . import test_contract_prices
from . import test_order_history
