# -*- coding: utf-8 -*-
from . import test_ticket_flow
from . import test_sla
from . import test_mail_gateway
from . import test_knowledge_plan
from . import test_portal
from . import test_views
from . import test_ticket_scope
from . import test_guard_privilege
from . import test_guard_reading
from . import test_service_cron_failures
from . import test_sla_cron_crash
