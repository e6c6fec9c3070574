# -*- coding: utf-8 -*-
from . import test_import_custom_field
