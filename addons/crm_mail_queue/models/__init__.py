# -*- coding: utf-8 -*-
from . import crm_mail_failure
from . import crm_mail_failure_retry
from . import mail_mail
from . import crm_todo
from . import ir_mail_server
from . import crm_mail_settings
