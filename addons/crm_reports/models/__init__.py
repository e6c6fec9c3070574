# -*- coding: utf-8 -*-
from . import crm_report_sql
from . import crm_report_summary
from . import crm_sales_target
from . import crm_sales_target_line
from . import crm_report_funnel
from . import crm_report_opportunity
from . import crm_report_performance
from . import crm_report_receivable
from . import crm_report_customer
from . import crm_report_product
from . import crm_report_follow_up
from . import crm_report_pool
from . import crm_report_dashboard
from . import crm_demo
from . import res_users
