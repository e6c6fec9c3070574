# -*- coding: utf-8 -*-
from . import crm_pool_release_wizard
from . import crm_pool_assign_wizard
from . import crm_pool_offboard_wizard
from . import crm_pool_preview_wizard
