# -*- coding: utf-8 -*-
import os
import subprocess
import tempfile
import unicodedata
from unittest import mock

from odoo.exceptions import AccessError, MissingError, UserError
from odoo.tools import config

from ..report.amount_cn import amount_to_chinese
from .common import ContractCase


class TestContractReport(ContractCase):
    """The contract printout renders only contracts the user may read, one page each."""

    def render(self, user, ids):
        report = self.env.ref('crm_contract.action_report_crm_contract')
        return report.sudo(user).with_context(lang='zh_CN').render_qweb_html(ids)[0]

    def test_the_owner_prints_her_contracts_each_on_its_page(self):
        one = self.make_contract(1000, note='第一份备注')
        two = self.make_contract(2000, note='第二份备注')
        html = self.render(self.lina, [one.id, two.id]).decode()
        self.assertIn('第一份备注', html)
        self.assertIn('第二份备注', html)
        self.assertEqual(html.count('<div class="page"'), 2)

    def test_others_print_nothing(self):
        contract = self.make_contract(1000, note='机密备注')
        Users = self.env['res.users'].with_context(no_reset_password=True)
        portal = Users.create({'name': '门户打印', 'login': 'portal_print',
                               'groups_id': [(6, 0, [self.env.ref('base.group_portal').id])]})
        for user in (self.yanglei, portal):
            with self.refused(AccessError) as error:
                self.render(user, [contract.id])
            self.assertNotIn('机密备注', error.exception.name)
            # the kind of document in the reader's language, not "Contract"
            self.assertIn('无权查看此合同', error.exception.name)
        with self.refused(MissingError):
            self.render(self.lina, [contract.id, 999999999])
        for bad in ([], ['x'], [-1], 'abc'):
            with self.refused(UserError):
                self.render(self.lina, bad)

    def test_the_url_ids_are_parsed(self):
        Printout = self.env['report.crm_contract.report_crm_contract'].sudo(self.lina)
        self.assertEqual(Printout._crm_parse_ids('12, 13'), [12, 13])
        for bad in ('1;2', '1,,2', '99999999999', '-3', ''):
            with self.refused(UserError):
                Printout._crm_parse_ids(bad)


class TestContractPrintout(ContractCase):
    """The PDF a customer signs: letterhead, both parties, the amount in Chinese
    capitals, the instalments by number, signature blocks and page numbers."""

    def test_amounts_in_chinese_capitals(self):
        for amount, text in ((180000, '壹拾捌万元整'), (3005.5, '叁仟零伍元伍角'),
                             (0, '零元整'), (0.05, '伍分'), (1.05, '壹元零伍分'),
                             (10, '壹拾元整'), (1010, '壹仟零壹拾元整'),
                             (10100, '壹万零壹佰元整'), (1000001, '壹佰万零壹元整'),
                             (100010000, '壹亿零壹万元整'), (60000.3, '陆万元叁角'),
                             (123456789.12, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分'),
                             (2.675, '贰元陆角捌分'), (-20.5, '负贰拾元伍角')):
            self.assertEqual(amount_to_chinese(amount), text, amount)

    def run_tool(self, *args):
        return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              check=True, timeout=120).stdout

    def test_the_instalment_picker_finds_what_is_typed(self):
        contract = self.make_contract(
            180000, line_ids=[(0, 0, {'product_id': self.product.id, 'list_price': 100000,
                                      'price_unit': 90000, 'quantity': 2})])
        Plan = self.env['crm.receivable.plan'].sudo(self.lina).with_context(lang='zh_CN')
        for amount, day in ((100000, '2026-07-01'), (80000, '2026-09-01')):
            Plan.create({'contract_id': contract.id, 'amount': amount, 'date_planned': day})
        mine = [('contract_id', '=', contract.id)]
        for typed in ('2', '第2期', '第 2 期'):
            found = Plan.name_search(typed, args=mine)
            self.assertEqual([name for _id, name in found], ['第 2 期'], typed)
        by_contract = Plan.name_search(contract.name, args=mine)
        self.assertEqual(len(by_contract), 2, "the contract's number finds its instalments")

    def test_the_pdf_is_one_a_customer_signs(self):
        contract = self.make_contract(
            180000, customer_signer_id=self.contact.id,
            line_ids=[(0, 0, {'product_id': self.product.id, 'list_price': 100000,
                              'price_unit': 90000, 'quantity': 2})])
        for amount, day in ((100000, '2026-07-01'), (80000, '2026-09-01')):
            self.env['crm.receivable.plan'].sudo(self.lina).create({
                'contract_id': contract.id, 'amount': amount, 'date_planned': day})
        report = self.env.ref('crm_contract.action_report_crm_contract')
        folder = tempfile.mkdtemp(prefix='crm_contract_pdf_')
        # Odoo renders HTML instead of a PDF in tests, unless given a report folder
        with mock.patch.dict(config.options, {'test_report_directory': folder}):
            pdf, kind = report.sudo(self.lina).with_context(lang='zh_CN').render_qweb_pdf(
                [contract.id])
        self.assertEqual(kind, 'pdf')
        self.assertTrue(pdf.startswith(b'%PDF'), 'wkhtmltopdf made a PDF')
        path = os.path.join(folder, 'contract.pdf')
        with open(path, 'wb') as out:
            out.write(pdf)
        # the CJK font maps some glyphs to radicals or variants (⼄ for 乙, ⻚ for 页, ⺠
        # for 民, 戶 for 户): read them back as written
        text = unicodedata.normalize('NFKC', self.run_tool('pdftotext', path, '-').decode())
        for variant, written in (('\u2eda', '页'), ('\u2ea0', '民'), ('戶', '户'), (' ', '')):
            text = text.replace(variant, written)
        company = self.env.user.company_id.name
        for expected in (company, self.customer.name, '甲方', '乙方', contract.number,
                         '人民币', '壹拾捌万元整', '拾万元整', '捌万元整', '第 1 期', '第 2 期',
                         '2026年7月1日', '王经理', '签字', '盖章', '第 1 页 / 共'):
            self.assertIn(expected.replace(' ', ''), text)
        self.assertNotIn('Page', text)
        # the first page as an image: not blank, ink on both halves (letterhead, parties)
        self.run_tool('pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '1', path,
                      os.path.join(folder, 'page'))
        image = [name for name in os.listdir(folder) if name.endswith('.png')]
        self.assertEqual(len(image), 1)
        gray = self.run_tool('pdftoppm', '-gray', '-r', '30', '-f', '1', '-l', '1', path)
        pixels = gray[gray.index(b'255\n') + 4:]
        ink = [value < 200 for value in pixels]
        self.assertGreater(sum(ink) / float(len(ink)), 0.005, 'the page is not blank')
        half = len(ink) // 2
        self.assertTrue(any(ink[:half]) and any(ink[half:]), 'ink on both halves of the page')
