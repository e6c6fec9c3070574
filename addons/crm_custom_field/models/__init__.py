# -*- coding: utf-8 -*-
from . import crm_custom_field
from . import crm_custom_field_schema
from . import crm_custom_field_views
