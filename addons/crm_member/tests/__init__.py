# -*- coding: utf-8 -*-
from . import test_member
from . import test_member_trust
