# -*- coding: utf-8 -*-
from . import crm_audit_labels
from . import auditlog_rule
from . import auditlog_rule_logs
from . import auditlog_rule_snapshot
from . import auditlog_log
from . import auditlog_autovacuum
from . import crm_audit_mixin
from . import res_partner
from . import crm_lead
from . import res_users
from . import crm_login_unlock
from . import res_authentication_attempt
from . import crm_audit_settings
from . import ir_module_module
