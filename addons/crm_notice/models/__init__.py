# -*- coding: utf-8 -*-
from . import res_users
from . import crm_notice
from . import crm_notice_read
from . import crm_todo
