# -*- coding: utf-8 -*-
from . import controllers
from . import models
from . import report
from . import wizard
# the approval fields of its documents in Chinese (see crm_approval.hooks)
from odoo.addons.crm_approval.hooks import load_approval_translations as post_init_hook  # noqa
