# -*- coding: utf-8 -*-
from . import test_import_preview
from . import test_import_owner
from . import test_import_run
