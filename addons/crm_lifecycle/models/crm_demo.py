# -*- coding: utf-8 -*-
import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# (owner, customer, [(months ago, [(product, price, quantity)])], what happens next)
DEMO_CUSTOMERS = [
    ('crm_sales.user_sales_east_1', '嘉兴永鑫包装材料有限公司',
     [(19, [('demo_product_gateway', 12000, 4)]), (8, [('demo_product_plc', 8200, 6)])], None),
    ('crm_sales.user_sales_east_1', '湖州南浔木业有限公司',
     [(10, [('demo_product_camera', 24000, 2), ('demo_product_service', 2500, 4)])], None),
    ('crm_sales.user_sales_east_2', '台州精工模具有限公司',
     [(7, [('demo_product_cloud', 34000, 1), ('demo_product_service', 2500, 6)])], None),
    ('crm_sales.user_sales_east_2', '湖州绿源环保设备有限公司',
     [(9, [('demo_product_gateway', 12500, 3)])], 'defer'),
    ('crm_sales.user_sales_east_1', '温州宏达电器有限公司',
     [(14, [('demo_product_plc', 8000, 5)])], 'confirm'),
]


class CrmDemo(models.AbstractModel):
    _inherit = 'crm.demo'

    @api.model
    def _generate_lifecycle_demo(self):
        """Customers who bought months ago (dated from the CRM clock's today): churn
        warnings among lina's and wangfang's customers (zhangwei's team), one deferred
        by wangfang, one confirmed lost by sunqiang. Runs once."""
        env = self.env(context=dict(self.env.context, lang='zh_CN'))
        today = env['crm.clock'].today()
        ref = env.ref
        for xmlid, name, orders, then in DEMO_CUSTOMERS:
            if env['res.partner'].search_count([('name', '=', name)]):
                continue
            user = ref(xmlid)
            customer = env['res.partner'].sudo(user).create({
                'name': name, 'is_company': True, 'customer': True, 'user_id': user.id,
                'team_id': user.sale_team_id.id, 'region': 'east',
                'customer_level_id': ref('crm_sales.customer_level_b').id})
            for months, lines in orders:
                sign = today - relativedelta(months=months, days=3)
                contract = env['crm.contract'].sudo(user).create({
                    'name': '%s 采购合同 %s' % (name[:4], sign.strftime('%Y-%m')),
                    'partner_id': customer.id, 'user_id': user.id,
                    'team_id': user.sale_team_id.id,
                    'sign_date': fields.Date.to_string(sign),
                    'date_start': fields.Date.to_string(sign),
                    'date_end': fields.Date.to_string(sign + datetime.timedelta(days=364)),
                    'line_ids': [(0, 0, {'product_id': ref('crm_sales.' + product).id,
                                         'list_price': price, 'price_unit': price,
                                         'quantity': qty})
                                 for product, price, qty in lines]})
                contract.action_submit()
            customer = customer.sudo(user)
            if then == 'defer':
                customer.action_churn_defer(
                    '上门拜访采购经理，提供续约九折优惠，对方下月做预算',
                    fields.Date.to_string(today + datetime.timedelta(days=20)))
            elif then == 'confirm':
                customer.action_churn_defer('电话回访，对方表示在比较其他供应商',
                                            fields.Date.to_string(today + datetime.timedelta(days=10)))
                customer.sudo(ref('crm_sales.user_sales_manager')).action_churn_confirm(
                    ref('crm_lifecycle.churn_reason_competitor').id,
                    '对方已与竞争对手签订三年框架协议')
        return True
