# -*- coding: utf-8 -*-
from . import test_funnel
from . import test_performance
from . import test_receivable
from . import test_customer
from . import test_activity
from . import test_targets
from . import test_xlsx
from . import test_views
from . import test_measures
from . import test_units_and_charts
