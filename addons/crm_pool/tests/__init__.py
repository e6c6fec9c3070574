# -*- coding: utf-8 -*-
from . import test_pool_rules
from . import test_pool_operations
from . import test_pool_cron
from . import test_pool_guard
from . import test_pool_cron_deferral
from . import test_pool_operation_log
