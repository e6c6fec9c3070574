# -*- coding: utf-8 -*-
from . import test_work_report_contract
