# -*- coding: utf-8 -*-
from . import models
from . import report
# the approval fields of its documents in Chinese (see crm_approval.hooks)
from odoo.addons.crm_approval.hooks import load_approval_translations as post_init_hook  # noqa
