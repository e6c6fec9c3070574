# -*- coding: utf-8 -*-
from . import test_churn
from . import test_lifecycle
