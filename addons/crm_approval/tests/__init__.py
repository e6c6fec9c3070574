# -*- coding: utf-8 -*-
from . import test_takeover
from . import test_approval_request
