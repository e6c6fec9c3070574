# -*- coding: utf-8 -*-
from . import test_custom_field_screens
from . import test_custom_field_rules
