# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, MissingError, UserError

from .common import QuoteCase


class TestQuotationReport(QuoteCase):

    def render(self, user, ids):
        report = self.env.ref('crm_quotation.action_report_crm_quotation')
        return report.sudo(user).with_context(lang='zh_CN').render_qweb_html(ids)[0].decode()

    def test_the_owner_prints_her_quote_in_chinese(self):
        quote = self.make_quote(lines=[{'product_id': self.mes.id, 'quantity': 1,
                                        'price_unit': 123456}],
                                payment_terms='预付30%', delivery_terms='30天内交货')
        html = self.render(self.lina, [quote.id])
        self.assertIn(quote.reference, html)
        self.assertIn('壹拾贰万叁仟肆佰伍拾陆元整', html)
        self.assertIn('预付30%', html)
        self.assertIn('30天内交货', html)
        self.assertIn('2026年7月10日', html)           # valid until, by the CRM clock
        self.assertIn('报价单号', html)
        self.assertIn('大写金额', html)

    def test_who_may_not_read_it_does_not_print_it(self):
        quote = self.make_quote()
        with self.refused(AccessError):
            self.render(self.wangfang, [quote.id])
        with self.refused(MissingError):
            self.render(self.lina, [quote.id + 10 ** 6])
        with self.refused(UserError):
            self.render(self.lina, 'x')
