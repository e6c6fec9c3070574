# -*- coding: utf-8 -*-
from . import crm_import_columns
