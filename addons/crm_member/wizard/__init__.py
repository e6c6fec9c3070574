# -*- coding: utf-8 -*-
from . import crm_member_add
from . import crm_member_edit
