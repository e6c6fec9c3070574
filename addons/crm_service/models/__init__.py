# -*- coding: utf-8 -*-
from . import crm_service_config
from . import crm_service_team
from . import crm_service_ticket
from . import crm_service_ticket_assign
from . import crm_service_ticket_upload
from . import crm_service_ticket_sla
from . import crm_service_ticket_token
from . import crm_service_ticket_guard
from . import crm_service_ticket_mail
from . import crm_knowledge
from . import crm_service_ticket_knowledge
from . import crm_service_plan
from . import res_partner
from . import crm_todo
from . import res_users
from . import mail_message
