# -*- coding: utf-8 -*-
from . import crm_review_wizard
