# -*- coding: utf-8 -*-
from . import test_change_log
from . import test_login_log
