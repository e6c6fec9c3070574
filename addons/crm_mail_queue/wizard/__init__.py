# -*- coding: utf-8 -*-
from . import crm_mail_retry_settings
