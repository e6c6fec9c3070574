# -*- coding: utf-8 -*-
from . import crm_import_columns
from . import crm_import_reader
from . import crm_import_plan
from . import crm_import_apply
from . import crm_import_xlsx
from . import crm_import_batch
from . import crm_import_chunk
from . import crm_import_line
